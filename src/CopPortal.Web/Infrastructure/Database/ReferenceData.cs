using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using CopPortal.Domain.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Infrastructure.Database;

/// <summary>
/// Data every deployment needs and staff then maintain: roles, the profession list, allowed email
/// domains, the ToR template and decline reasons. Only inserted when missing, never overwritten.
/// </summary>
public static class ReferenceData
{
    public static IReadOnlyList<(string Name, string? Abbreviation)> Professions { get; } =
    [
        ("Psychological Wellbeing Practitioner", "PWP"),
        ("Children and Young People's Wellbeing Practitioner", "CYWP"),
        ("Education Mental Health Practitioner", "EMHP"),
        ("Mental Health and Wellbeing Practitioner", "MHWP"),
        ("Clinical Associate in Psychology", "CAP"),
        ("Assistant Psychologist", "AP"),
        ("Psychology student", null),
        ("Clinical Psychologist", null),
        ("Counselling Psychologist", null),
        ("Health Psychologist", null),
        ("Forensic Psychologist", null),
        ("Educational Psychologist", null),
        ("Cognitive Behavioural Psychotherapist", null),
        ("Counsellor or Psychotherapist", null),
        ("Family and Systemic Psychotherapist", null),
        ("Child and Adolescent Psychotherapist", null),
        ("Other psychological professional", null),
        ("Expert by Experience", "EBE"),
        ("Other profession", null),
    ];

    public static IReadOnlyList<(string Domain, string Description)> EmailDomains { get; } =
    [
        ("nhs.net", "NHSmail"),
        ("nhs.uk", "NHS organisations"),
        ("gov.uk", "Government departments and local authorities"),
        ("police.uk", "Police forces"),
        ("mod.uk", "Ministry of Defence"),
        ("parliament.uk", "Parliament"),
        ("nhs.scot", "NHS Scotland"),
        ("gov.scot", "Scottish Government"),
        ("gov.wales", "Welsh Government"),
        ("wales.nhs.uk", "NHS Wales"),
        ("hscni.net", "Health and Social Care Northern Ireland"),
    ];

    /// <summary>Any number; it only has to be the same in every instance, and used for nothing else.</summary>
    private const long SeedingLockKey = 0x436f70506f7274; // "CopPort"

    public static async Task EnsureAsync(CopDbContext db, RoleManager<IdentityRole> roles, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Several instances may start together on an empty database: each checks what is missing and inserts it,
        // so the checks and inserts run one instance at a time. The second instance waits, then finds everything
        // there. PostgreSQL: a transaction-scoped advisory lock. SQLite: the transaction begins IMMEDIATE (takes
        // the write lock at once), which serialises it across processes the same way.
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            if (!db.IsSqlite)
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", SeedingLockKey);
            }
            await InsertMissingAsync(db, roles, clock);
            await transaction.CommitAsync();
        });
    }

    private static async Task InsertMissingAsync(CopDbContext db, RoleManager<IdentityRole> roles, TimeProvider clock)
    {
        foreach (var role in NetworkRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (!await db.Professions.AnyAsync())
        {
            db.Professions.AddRange(Professions.Select((p, i) => new Profession { Name = p.Name, Abbreviation = p.Abbreviation, SortOrder = i + 1 }));
        }

        if (!await db.AllowedEmailDomains.AnyAsync())
        {
            db.AllowedEmailDomains.AddRange(EmailDomains.Select(d => new AllowedEmailDomain { Domain = d.Domain, Description = d.Description, IncludeSubdomains = true }));
        }

        if (!await db.TermsTemplates.AnyAsync())
        {
            db.TermsTemplates.Add(Template(clock.GetUtcNow()));
        }

        // The Triple-A routing destinations (staff edit the list afterwards).
        await CopPortal.Domain.Escalations.EscalationService.EnsureDestinationsAsync(db);

        if (!await db.GroundRules.AnyAsync())
        {
            db.GroundRules.Add(new GroundRules { Text = GroundRules.DefaultText, UpdatedAt = clock.GetUtcNow() });
        }

        if (!await db.DeclineReasonTemplates.AnyAsync())
        {
            db.DeclineReasonTemplates.AddRange(
                new DeclineReasonTemplate { SortOrder = 1, Title = "Profession not covered", Text = "This community is for the professions listed in its Terms of Reference, and your profession is not one of them." },
                new DeclineReasonTemplate { SortOrder = 2, Title = "Outside the region", Text = "This community is for people who live or work in our region, and a similar community is available in your own region." },
                new DeclineReasonTemplate { SortOrder = 3, Title = "Seniority requirement not met", Text = "This community is for the most senior psychological professional in each organisation." },
                new DeclineReasonTemplate { SortOrder = 4, Title = "Not enough information", Text = "We could not confirm from your application that you meet the community's criteria, and we did not receive the further information we asked for." },
                new DeclineReasonTemplate { SortOrder = 5, Title = "Organisation not eligible", Text = "The organisation you represent does not meet the community's organisation requirements." });
        }

        if (!await db.AgendaTemplates.AnyAsync())
        {
            db.AgendaTemplates.AddRange(CopPortal.Domain.Minutes.AgendaTemplates.All());
        }

        await db.SaveChangesAsync();
    }

    public static TermsTemplate Template(DateTimeOffset now) => new()
    {
        UpdatedAt = now,
        WhoFor = "Describe who the community is for: professions, career stages and where they work.",
        Purpose = "Describe why the community exists and what difference it aims to make.",
        Aims = "List three to five aims, for example: share good practice; support professional development; raise issues with the Workforce Council.",
        MeetingFrequencyMonths = 3,
        MeetingDurationMinutes = 120,
        MeetingNote = "Meetings are held online on Microsoft Teams unless the community agrees otherwise.",
        ChairingArrangements = "Meetings are led by a chair or co-chairs drawn from the membership, supported by the network team.",
        NoteTakingArrangements = "The secretary takes notes with actions; the chair approves them before they are shared with members.",
        ParticipationExpectations = "Members attend when they can, send apologies when they cannot, follow the network's ground rules, and share what they learn between meetings.",
        Eligibility = new EligibilityCriteria { RegionRule = RegionRule.InRegionOnly },
    };
}
