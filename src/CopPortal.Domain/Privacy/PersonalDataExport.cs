using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using CopPortal.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Privacy;

/// <summary>
/// Everything the portal holds about one person (UK GDPR right of access and data portability), as a ZIP of
/// JSON files with a README. Other people's personal data is left out: a decision shows that the network team
/// made it, not who; changes the person made to other people's records are listed without their values.
/// Equality monitoring answers are not included because they are deliberately not linked to anyone.
/// </summary>
public class PersonalDataExport(CopDbContext db, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Files =
    [
        "README.txt", "account.json", "memberships.json", "join-requests.json", "invitations.json", "proposals.json",
        "vacancy-interest.json", "terms-of-reference-versions.json", "emails.json", "audit-log.json",
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>The ZIP's bytes (a person's data is small), or null when there is no such open account.</summary>
    public async Task<byte[]?> CreateAsync(string userId, string networkName, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Profession).SingleOrDefaultAsync(u => u.Id == userId && u.ClosedAt == null, cancellationToken);
        if (user is null)
        {
            return null;
        }
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where userRole.UserId == userId
                           select role.Name).ToListAsync(cancellationToken);
        var account = new
        {
            user.Id,
            Name = user.DisplayName,
            user.Email,
            user.EmailConfirmed,
            user.JobTitle,
            Profession = user.Profession?.DisplayName,
            user.Organisation,
            user.Region,
            CareerStage = user.CareerStage is { } stage ? CareerStages.Label(stage) : null,
            user.CreatedAt,
            JoinedFromAnInvitation = user.InvitationId is not null,
            NetworkRoles = roles,
        };

        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderBy(m => m.JoinedAt)
            .Select(m => new { Community = m.Community!.Name, m.Role, m.JoinedAt, m.JoinRequestId })
            .ToListAsync(cancellationToken);

        var requests = await db.JoinRequests.AsNoTracking()
            .Where(r => r.ApplicantId == userId)
            .OrderBy(r => r.SubmittedAt)
            .Select(r => new
            {
                r.Id,
                Community = r.Community!.Name,
                TermsOfReferenceVersion = r.TermsVersion!.VersionNumber,
                r.Status,
                r.SubmittedAt,
                r.Answers,
                AutomaticCheck = r.PrecheckResults,
                r.DecidedAt,
                r.DecisionReason,
                QuestionFromTheNetworkTeam = r.InformationRequested,
                r.InformationRequestedAt,
                YourAnswer = r.InformationResponse,
                r.InformationRespondedAt,
                JoinedWaitingListAt = r.WaitlistedAt,
            })
            .ToListAsync(cancellationToken);

        var email = user.Email ?? "";
        var lowerEmail = email.ToLowerInvariant();
        var invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.UsedByUserId == userId || i.Email.ToLower() == lowerEmail)
            .OrderBy(i => i.CreatedAt)
            .Select(i => new { i.Email, i.Note, i.CreatedAt, i.ExpiresAt, i.UsedAt, i.RevokedAt })
            .ToListAsync(cancellationToken);

        var proposals = await db.Proposals.AsNoTracking()
            .Where(p => p.ProposerId == userId)
            .OrderBy(p => p.SubmittedAt)
            .Select(p => new
            {
                p.Name, p.WhoFor, p.Purpose, p.WhyNoExistingFits, p.ChairVolunteers, p.SecretaryVolunteers,
                p.Status, p.SubmittedAt, p.DecidedAt, p.DeclineReason,
            })
            .ToListAsync(cancellationToken);

        var interests = await db.VacancyInterests.AsNoTracking()
            .Where(i => i.UserId == userId)
            .OrderBy(i => i.CreatedAt)
            .Select(i => new { Community = i.Vacancy!.Community!.Name, i.Vacancy.Role, i.Message, i.CreatedAt })
            .ToListAsync(cancellationToken);

        var terms = await db.TermsVersions.AsNoTracking()
            .Where(t => t.CreatedById == userId)
            .OrderBy(t => t.CreatedAt)
            .Select(t => new { Community = t.Community!.Name, t.VersionNumber, t.ChangeSummary, t.CreatedAt })
            .ToListAsync(cancellationToken);

        var emails = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ToAddress.ToLower() == lowerEmail)
            .OrderBy(m => m.CreatedAt)
            .Select(m => new { m.Subject, Body = m.TextBody, m.Status, m.CreatedAt, m.SentAt })
            .ToListAsync(cancellationToken);

        var audit = await AuditAsync(userId, requests.Select(r => r.Id).ToList(), cancellationToken);

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await AddAsync(zip, "README.txt", Encoding.UTF8.GetBytes(Readme(networkName, clock.GetUtcNow())), cancellationToken);
            await AddJsonAsync(zip, "account.json", account, cancellationToken);
            await AddJsonAsync(zip, "memberships.json", memberships, cancellationToken);
            await AddJsonAsync(zip, "join-requests.json", requests, cancellationToken);
            await AddJsonAsync(zip, "invitations.json", invitations, cancellationToken);
            await AddJsonAsync(zip, "proposals.json", proposals, cancellationToken);
            await AddJsonAsync(zip, "vacancy-interest.json", interests, cancellationToken);
            await AddJsonAsync(zip, "terms-of-reference-versions.json", terms, cancellationToken);
            await AddJsonAsync(zip, "emails.json", emails, cancellationToken);
            await AddJsonAsync(zip, "audit-log.json", audit, cancellationToken);
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// Rows where the person acted, and rows about their account and their join requests. Values are given only
    /// for the rows about them: a row where they changed someone else's record may hold that person's data.
    /// </summary>
    private async Task<List<object>> AuditAsync(string userId, List<int> requestIds, CancellationToken cancellationToken)
    {
        var requestKeys = requestIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.UserId == userId
                || (a.EntityType == nameof(PortalUser) && a.EntityId == userId)
                || (a.EntityType == nameof(JoinRequest) && a.EntityId != null && requestKeys.Contains(a.EntityId)))
            .OrderBy(a => a.OccurredAt).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(a =>
        {
            var aboutThem = (a.EntityType == nameof(PortalUser) && a.EntityId == userId)
                || (a.EntityType == nameof(JoinRequest) && requestKeys.Contains(a.EntityId ?? ""));
            return (object)new
            {
                a.OccurredAt,
                By = a.UserId == userId ? "you" : a.UserId is null ? "the system" : "another person (for example the network team)",
                a.Action,
                Record = a.EntityType,
                RecordId = a.EntityId,
                Changes = aboutThem && a.Changes is not null ? JsonSerializer.Deserialize<JsonElement>(a.Changes) : (JsonElement?)null,
            };
        }).ToList();
    }

    public static string Readme(string networkName, DateTimeOffset createdAt) =>
        $"""
        Your data from the {networkName} communities of practice portal
        Created {createdAt:yyyy-MM-dd HH:mm} UTC.

        Each file is JSON (a plain-text format most tools can open):
        - account.json: your profile and account (name, email, job title, profession, organisation, region, career stage, network roles).
        - memberships.json: the communities you belong to and your role in each.
        - join-requests.json: your requests to join communities, your answers, the automatic check against the Terms of Reference, and each decision with its reason.
        - invitations.json: invitations sent to your email address.
        - proposals.json: communities you proposed, and the decisions on them.
        - vacancy-interest.json: core-team roles you said you were interested in.
        - terms-of-reference-versions.json: Terms of Reference versions you saved.
        - emails.json: emails the portal sent you, or is about to send.
        - audit-log.json: the portal's record of changes you made and changes to your account and requests. Where you changed a record that is not about you, the values are left out because they may be someone else's personal data; the names of other people who changed your records are left out for the same reason.

        Not included: your equality and diversity monitoring answers. The portal keeps them apart from you on purpose,
        with no link to your account or your requests, so that they can only ever be counted in aggregate; they
        cannot be found again, and so cannot be given back or deleted one by one.

        If something is wrong or missing, contact the network team.
        """;

    private static Task AddJsonAsync(ZipArchive zip, string name, object value, CancellationToken cancellationToken) =>
        AddAsync(zip, name, JsonSerializer.SerializeToUtf8Bytes(value, Json), cancellationToken);

    private static async Task AddAsync(ZipArchive zip, string name, byte[] content, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = entry.Open();
        await stream.WriteAsync(content, cancellationToken);
    }
}
