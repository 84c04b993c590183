using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using CopPortal.Domain.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Infrastructure.Database;

/// <summary>
/// The demonstration network (run with --demo): the five communities of a regional Psychological
/// Professions Network with realistic Terms of Reference, one account per kind of user, and a few hundred
/// fictional members (<see cref="DemoPeople"/>) so every page looks like a running network.
/// Loaded once; demo accounts never exist unless demo mode asked for them.
/// </summary>
public static class DemoData
{
    public const string Password = "CopPortal-demo-2026";
    public const string StaffEmail = "staff@demo.nhs.uk";
    public const string CouncilEmail = "council@demo.nhs.uk";
    public const string ChairEmail = "chair@demo.nhs.uk";
    public const string SecretaryEmail = "secretary@demo.nhs.uk";
    public const string MemberEmail = "member@demo.nhs.uk";
    public const string PractitionersSlug = "psychological-practitioners";

    public static async Task LoadAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<CopDbContext>();
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var portal = services.GetRequiredService<PortalOptions>();
        if (await users.FindByEmailAsync(StaffEmail) is not null)
        {
            return;
        }

        var professions = await db.Professions.ToDictionaryAsync(p => p.Abbreviation ?? p.Name);
        int P(string key) => professions[key].Id;

        var staff = await CreateUserAsync(users, clock, StaffEmail, "Sam Okafor", "Network Programme Manager", null, "Birmingham and Solihull Mental Health NHS Foundation Trust", portal.NetworkRegion, CareerStage.Lead, NetworkRoles.NetworkStaff);
        await CreateUserAsync(users, clock, CouncilEmail, "Dr Priya Raman", "Consultant Clinical Psychologist, Workforce Council member", P("Clinical Psychologist"), "Nottinghamshire Healthcare NHS Foundation Trust", portal.NetworkRegion, CareerStage.Lead, NetworkRoles.CouncilMember);
        var chair = await CreateUserAsync(users, clock, ChairEmail, "Hannah Whitfield", "Senior Psychological Wellbeing Practitioner", P("PWP"), "Derbyshire Healthcare NHS Foundation Trust", portal.NetworkRegion, CareerStage.Senior, null);
        var secretary = await CreateUserAsync(users, clock, SecretaryEmail, "Tomasz Nowak", "Education Mental Health Practitioner", P("EMHP"), "Leicestershire Partnership NHS Trust", portal.NetworkRegion, CareerStage.Qualified, null);
        var member = await CreateUserAsync(users, clock, MemberEmail, "Aisha Begum", "Psychological Wellbeing Practitioner", P("PWP"), "Coventry and Warwickshire Partnership NHS Trust", portal.NetworkRegion, CareerStage.Qualified, null);

        // The crowd shares one hash of the demo password (PBKDF2 is slow by design) and is saved in one batch,
        // through SaveChanges like everything else here, so its accounts are audited as any other.
        var crowd = DemoPeople.Build(P, portal.NetworkRegion, users.PasswordHasher.HashPassword(member, Password), clock.GetUtcNow(), services.GetRequiredService<ILookupNormalizer>());
        db.Users.AddRange(crowd.Select(p => p.User));
        await db.SaveChangesAsync();
        // Nothing saved needs tracking any more; a large tracker makes every later SaveChanges slower.
        db.ChangeTracker.Clear();

        var terms = services.GetRequiredService<TermsService>();
        var memberships = services.GetRequiredService<MembershipService>();
        var reviewDue = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddMonths(10);
        var region = portal.NetworkRegion;

        foreach (var seed in Communities(P, region))
        {
            var community = new Community
            {
                Slug = seed.Slug,
                Name = seed.Name,
                Summary = seed.Summary,
                Status = CommunityStatus.Active,
                CreatedAt = clock.GetUtcNow(),
            };
            db.Communities.Add(community);
            await terms.PublishAsync(community, seed.Terms, reviewDue, "First version agreed by the community.", staff.Id);
            if (seed.Slug == PractitionersSlug)
            {
                await memberships.AddOrSetRoleAsync(community, chair.Id, CommunityRole.Chair);
                await memberships.AddOrSetRoleAsync(community, secretary.Id, CommunityRole.Secretary);
                await memberships.AddOrSetRoleAsync(community, member.Id, CommunityRole.Member);
            }
            else if (seed.LookingFor is { } vacancy)
            {
                community.Vacancies.Add(new CoreTeamVacancy { Role = vacancy, OpenedAt = clock.GetUtcNow(), Description = $"This community is looking for a {CommunityRoles.Label(vacancy).ToLowerInvariant()} to help run its meetings." });
            }
            // Added directly rather than one by one through the membership service (whose look-up per person
            // costs seconds at this size): nobody else can see this unsaved community, and its count moves
            // by exactly the rows added, so MemberCount still matches the membership rows.
            var joining = crowd.Where(p => p.CommunitySlug == seed.Slug).ToList();
            db.Memberships.AddRange(joining.Select(p => new CommunityMembership { Community = community, UserId = p.User.Id, Role = CommunityRole.Member, JoinedAt = p.JoinedAt }));
            community.MemberCount += joining.Count;
            // Save per community so the current-version link (a cycle with the versions) is written in two steps.
            await db.SaveChangesAsync();
        }

        await DemoJoinRequests.LoadAsync(services, staff);
        await DemoParticipation.LoadAsync(services);
        await DemoLibrary.LoadAsync(services, staff);
        await DemoMinutes.LoadAsync(services);
        await DemoForum.LoadAsync(services);
        await DemoEscalations.LoadAsync(services);
    }

    private sealed record CommunitySeed(string Slug, string Name, string Summary, Terms Terms, CommunityRole? LookingFor = null);

    private sealed class Terms : TermsContent;

    private static IEnumerable<CommunitySeed> Communities(Func<string, int> profession, string region)
    {
        yield return new CommunitySeed(
            "chief-psychological-professions-officers",
            "Chief Psychological Professions Officers",
            $"For Chief Psychological Professions Officers, or the most senior psychological professional in their organisation, across the {region}.",
            new Terms
            {
                WhoFor = $"Chief Psychological Professions Officers (CPPOs) and, where an organisation has no CPPO, its most senior psychological professional, in NHS and partner organisations across the {region}.",
                Purpose = "A space for senior leaders to engage with and support each other, and to share information, system intelligence and best practice.",
                Aims = "Share system intelligence and workforce plans.\nCompare approaches to psychological professions leadership.\nAgree shared positions to take to the Workforce Council.",
                MeetingFrequencyMonths = 3,
                MeetingDurationMinutes = 120,
                ChairingArrangements = "Chaired by a CPPO elected by members for two years.",
                NoteTakingArrangements = "The network team takes notes with actions, approved by the chair.",
                ParticipationExpectations = "Members attend or send a deputy, and bring items from their organisation.",
                Eligibility = new EligibilityCriteria
                {
                    SeniorityRequirement = "Chief Psychological Professions Officer, or the most senior psychological professional in your organisation",
                    RegionRule = RegionRule.InRegionOnly,
                    Region = region,
                    Organisation = new OrganisationRequirements { MustRepresentOrganisation = true, MustDeliverHealthOrSocialCare = true },
                    Questions = ["Which organisation do you lead the psychological professions for?"],
                },
            },
            CommunityRole.Secretary);

        yield return new CommunitySeed(
            PractitionersSlug,
            "Psychological Practitioners",
            $"For trainee, qualified, senior and lead Psychological Wellbeing Practitioners, CYWPs, EMHPs and MHWPs, and their education providers, across the {region}.",
            new Terms
            {
                WhoFor = $"Everyone who recognises themselves as part of the practitioner professions (PWP, CYWP, EMHP and MHWP) in the {region}: trainees, qualified, senior and lead practitioners, and education providers.",
                Purpose = "Professional growth for psychological practitioners through sharing and enhancing skills, knowledge and practice, including wellbeing practice and supervision.",
                Aims = "Share good practice and case examples across services.\nSupport career development and progression for practitioners.\nRaise practitioner workforce issues with the Workforce Council.",
                MeetingFrequencyMonths = 3,
                MeetingDurationMinutes = 120,
                ChairingArrangements = "Co-chaired by two practitioners from different professions, each serving two years.",
                NoteTakingArrangements = "The secretary takes notes with actions; the chair approves them before they are published.",
                ParticipationExpectations = "Members attend when they can, send apologies when they cannot, and use the forum between meetings.",
                Eligibility = new EligibilityCriteria
                {
                    ProfessionIds = [profession("PWP"), profession("CYWP"), profession("EMHP"), profession("MHWP")],
                    CareerStages = [CareerStage.Trainee, CareerStage.Qualified, CareerStage.Senior, CareerStage.Lead, CareerStage.EducationProvider],
                    RegionRule = RegionRule.OutOfRegionIfNoLocalCoP,
                    Region = region,
                    RequiredDeclarations = ["I agree to follow the network's ground rules for meetings and the forum."],
                    Questions = ["What would you like to bring to, and gain from, the community?"],
                },
            });

        yield return new CommunitySeed(
            "psychological-professionals-in-physical-healthcare",
            "Psychological Professionals in Physical Healthcare",
            $"For psychological professions leads and service leads working in physical healthcare across the {region}.",
            new Terms
            {
                WhoFor = $"Psychological professions leads and service leads working in physical healthcare settings across the {region}.",
                Purpose = "Help services bring psychological professional roles into physical healthcare settings.",
                Aims = "Share business cases that worked.\nBenchmark services across specialties and localities.\nLink with NHS Talking Therapies for Long Term Conditions leads.",
                MeetingFrequencyMonths = 3,
                MeetingDurationMinutes = 90,
                ChairingArrangements = "Chaired by a service lead from the membership.",
                NoteTakingArrangements = "The secretary takes notes with actions; the chair approves them.",
                ParticipationExpectations = "Members share service developments and data to support benchmarking.",
                Eligibility = new EligibilityCriteria
                {
                    SeniorityRequirement = "Psychological professions lead or service lead",
                    SettingRequirement = "Physical healthcare",
                    RegionRule = RegionRule.InRegionOnly,
                    Region = region,
                    Questions = ["Which physical healthcare service do you lead?"],
                },
            },
            CommunityRole.Chair);

        yield return new CommunitySeed(
            "clinical-associate-in-psychology",
            "Clinical Associate in Psychology",
            $"For qualified and trainee Clinical Associates in Psychology, and their training providers and employers, across the {region}.",
            new Terms
            {
                WhoFor = $"Qualified and trainee Clinical Associates in Psychology (CAPs), and representatives of regional training providers and employers, across the {region}.",
                Purpose = "A reflective space to share good practice, successes, challenges, ways of working and case examples.",
                Aims = "Share ways of working and case examples.\nSupport trainee CAPs through qualification.\nHelp employers develop CAP roles.",
                MeetingFrequencyMonths = 2,
                MeetingDurationMinutes = 60,
                MeetingNote = "Up to 2 hours when a presentation is being delivered.",
                ChairingArrangements = "Co-chaired by a qualified CAP and a training provider representative.",
                NoteTakingArrangements = "Notes with actions are taken by a volunteer member and approved by the co-chairs.",
                ParticipationExpectations = "Members bring case examples (anonymised) and questions.",
                Eligibility = new EligibilityCriteria
                {
                    ProfessionIds = [profession("CAP"), profession("Other psychological professional")],
                    CareerStages = [CareerStage.Trainee, CareerStage.Qualified, CareerStage.Senior, CareerStage.Lead, CareerStage.EducationProvider],
                    RegionRule = RegionRule.InRegionOnly,
                    Region = region,
                },
            });

        yield return new CommunitySeed(
            "assistant-psychologists-and-psychology-students",
            "Assistant Psychologists and Psychology Students",
            $"For undergraduate psychology students on BPS-accredited courses and assistant psychologists in health and social care across the {region}.",
            new Terms
            {
                WhoFor = $"Undergraduate psychology students on BPS-accredited courses, and postgraduate assistant psychologists employed in health and social care, across the {region}.",
                Purpose = "Foster collaboration and empower members through the exchange of skills, knowledge and best practice.",
                Aims = "Share routes into the psychological professions.\nOffer peer support to assistant psychologists.\nConnect students with services.",
                MeetingFrequencyMonths = 3,
                MeetingDurationMinutes = 60,
                ChairingArrangements = "Chaired by an assistant psychologist with support from the network team.",
                NoteTakingArrangements = "The secretary takes notes with actions; the chair approves them.",
                ParticipationExpectations = "Members take part in discussions and may offer short presentations.",
                Eligibility = new EligibilityCriteria
                {
                    ProfessionIds = [profession("AP"), profession("Psychology student")],
                    CareerStages = [CareerStage.Student, CareerStage.Trainee, CareerStage.Qualified],
                    RegionRule = RegionRule.InRegionOnly,
                    Region = region,
                    Capacity = 60,
                },
            });
    }

    private static async Task<PortalUser> CreateUserAsync(UserManager<PortalUser> users, TimeProvider clock, string email, string name, string jobTitle, int? professionId, string organisation, string region, CareerStage stage, string? networkRole)
    {
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            JobTitle = jobTitle,
            ProfessionId = professionId,
            Organisation = organisation,
            Region = region,
            CareerStage = stage,
            CreatedAt = clock.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
        if (networkRole is not null)
        {
            await users.AddToRoleAsync(user, networkRole);
        }
        return user;
    }
}
