using Bogus;
using CopPortal.Domain.Auditing;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using CopPortal.Domain.People;
using CopPortal.Domain.Time;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Benchmarks;

/// <summary>
/// A network at scale (1x: 200 CoPs, 50,000 people, 100,000 memberships, 10,000 join requests of which
/// 2,000 pending) with a realistic skew: membership follows a Zipf curve, so a few CoPs are large and most small.
/// Deterministic for a given scale (fixed seed).
/// </summary>
public sealed class DataGenerator(string databasePath, double scale, int bulkApprovable)
{
    public sealed record Summary(int Communities, int People, int Memberships, int JoinRequests, int Pending, string LargestSlug, int LargestMembers, int SamplePendingRequestId, int BulkCommunityId, TimeSpan Elapsed);

    /// <summary>Set by <see cref="Generate"/>: where the forum pages are measured.</summary>
    public ForumSample? Forum { get; private set; }

    public MeetingsSample? Meetings { get; private set; }

    /// <summary>The time each phase of <see cref="Generate"/> took.</summary>
    public PhaseClock Clock { get; } = new();

    /// <summary>Rows generated in the big tables, by table name (checked by --generate-only).</summary>
    public Dictionary<string, long> Generated { get; } = [];

    public Summary Generate(DateTimeOffset now)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        Randomizer.Seed = new Random(20261122);
        var faker = new Faker("en_GB");
        var random = new Random(42);
        var communityCount = (int)(200 * scale);
        var peopleCount = (int)(50_000 * scale);
        var membershipCount = (int)(100_000 * scale);
        var requestCount = (int)(10_000 * scale);
        var pendingCount = (int)(2_000 * scale);

        using var connection = new SqliteConnection($"Data Source={databasePath};Foreign Keys=False;Pooling=False");
        connection.Open();
        var load = LoadMode.Begin(connection);
        var options = new DbContextOptionsBuilder<CopDbContext>();
        // Not pooled: no connection may stay open when the load mode ends and switches the journal mode back to WAL.
        options.UseCopPortalDatabase(DatabaseProvider.Sqlite, $"Data Source={databasePath};Pooling=False");
        using var model = new CopDbContext(options.Options);
        var inserter = new BulkInserter(model, connection);
        var professionIds = model.Professions.Select(p => p.Id).ToList();
        var firstCommunity = (int)BulkInserter.Scalar(connection, "SELECT COALESCE(MAX(\"Id\"),0) FROM \"Communities\"") + 1;
        var firstTerms = (int)BulkInserter.Scalar(connection, "SELECT COALESCE(MAX(\"Id\"),0) FROM \"TermsVersions\"") + 1;
        var firstMembership = (int)BulkInserter.Scalar(connection, "SELECT COALESCE(MAX(\"Id\"),0) FROM \"Memberships\"") + 1;
        var firstRequest = (int)BulkInserter.Scalar(connection, "SELECT COALESCE(MAX(\"Id\"),0) FROM \"JoinRequests\"") + 1;
        Clock.Mark("set-up (loading mode, indexes dropped)");

        // People.
        var people = new List<PortalUser>(peopleCount);
        for (var i = 0; i < peopleCount; i++)
        {
            var email = $"person{i}@bench.nhs.uk";
            people.Add(new PortalUser
            {
                Id = Guid.NewGuid().ToString(),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
                DisplayName = faker.Name.FullName(),
                JobTitle = faker.Name.JobTitle(),
                ProfessionId = professionIds[random.Next(professionIds.Count)],
                Organisation = faker.Company.CompanyName() + " NHS Trust",
                Region = random.NextDouble() < 0.8 ? "Midlands" : Regions.All[random.Next(Regions.All.Count)],
                CareerStage = (CareerStage)random.Next(1, 7),
                CreatedAt = now.AddDays(-random.Next(1, 900)),
            });
        }
        inserter.Insert(people);
        Clock.Mark("people");
        // Staff's people search reads these words, as the portal writes them when it saves an account.
        inserter.Insert(people.SelectMany(p => PersonSearchTerm.For(p).Select(t => new PersonSearchTerm { UserId = p.Id, Term = t })));
        Clock.Mark("person search terms");

        // Communities, each with its first ToR version and eligible professions.
        var topics = new[] { "Practitioners", "Leads", "Trainees", "Supervisors", "Researchers", "Educators", "Clinicians", "Network" };
        var communities = new List<Community>(communityCount);
        var terms = new List<TermsVersion>(communityCount);
        var eligible = new List<CommunityEligibleProfession>();
        var searchTerms = new List<CommunitySearchTerm>();
        for (var i = 0; i < communityCount; i++)
        {
            var id = firstCommunity + i;
            var name = $"{faker.Commerce.Department()} {faker.Hacker.Noun()} {topics[i % topics.Length]} {id}";
            var professions = professionIds.OrderBy(_ => random.Next()).Take(random.Next(1, 5)).ToList();
            var criteria = new EligibilityCriteria
            {
                ProfessionIds = professions,
                RegionRule = (RegionRule)random.Next(0, 3),
                Region = "Midlands",
                Capacity = random.NextDouble() < 0.2 ? random.Next(20, 200) : null,
                Questions = ["What would you like to bring to, and gain from, the community?"],
            };
            var version = new TermsVersion
            {
                Id = firstTerms + i,
                CommunityId = id,
                VersionNumber = 1,
                WhoFor = faker.Lorem.Sentence(14),
                Purpose = faker.Lorem.Paragraph(),
                Aims = faker.Lorem.Paragraph(),
                MeetingFrequencyMonths = random.Next(1, 4),
                MeetingDurationMinutes = 60 + (30 * random.Next(0, 3)),
                ChairingArrangements = faker.Lorem.Sentence(),
                NoteTakingArrangements = faker.Lorem.Sentence(),
                ParticipationExpectations = faker.Lorem.Sentence(),
                Eligibility = criteria,
                ReviewDueOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(random.Next(-30, 365)),
                ChangeSummary = "First version.",
                CreatedAt = now.AddDays(-random.Next(30, 700)),
            };
            terms.Add(version);
            communities.Add(new Community
            {
                Id = id,
                Slug = $"bench-community-{id}",
                Name = name,
                // One in twenty mentions wellbeing practitioners, so the benchmark's search matches more CoPs as the
                // network grows (10 at 1x, 100 at 10x) rather than all of them or only one.
                Summary = i % 20 == 0
                    ? $"For {faker.Lorem.Sentence(12).TrimEnd('.').ToLowerInvariant()}, including wellbeing practitioner teams."
                    : $"For {faker.Lorem.Sentence(12).TrimEnd('.').ToLowerInvariant()}.",
                Status = random.NextDouble() < 0.95 ? CommunityStatus.Active : CommunityStatus.Archived,
                CreatedAt = version.CreatedAt,
                CurrentTermsVersion = 1,
                MeetingFrequencyMonths = version.MeetingFrequencyMonths,
                MeetingDurationMinutes = version.MeetingDurationMinutes,
                RegionRule = criteria.RegionRule,
                Capacity = criteria.Capacity,
                TermsReviewDueOn = version.ReviewDueOn,
            });
            // The search text and its terms, as the portal keeps them when it saves a community.
            communities[^1].RefreshSearchText(version.WhoFor);
            searchTerms.AddRange(SearchTerms.Distinct(communities[^1].SearchText).Select(t => new CommunitySearchTerm { CommunityId = id, Term = t }));
            eligible.AddRange(professions.Select(p => new CommunityEligibleProfession { CommunityId = id, ProfessionId = p }));
        }

        // Memberships on a Zipf curve: community k gets a share proportional to 1/(k+1).
        var weights = Enumerable.Range(0, communityCount).Select(k => 1.0 / (k + 1)).ToArray();
        var total = weights.Sum();
        var cumulative = new double[communityCount];
        var running = 0.0;
        for (var k = 0; k < communityCount; k++)
        {
            running += weights[k] / total;
            cumulative[k] = running;
        }
        var taken = new HashSet<(int, int)>();
        var memberships = new List<CommunityMembership>(membershipCount);
        var counts = new int[communityCount];
        while (memberships.Count < membershipCount)
        {
            var k = Array.BinarySearch(cumulative, random.NextDouble());
            k = k < 0 ? Math.Min(~k, communityCount - 1) : k;
            var person = random.Next(peopleCount);
            if (!taken.Add((k, person)))
            {
                continue;
            }
            var role = counts[k] switch { 0 => CommunityRole.Chair, 1 => CommunityRole.Secretary, 2 => CommunityRole.CoChair, _ => CommunityRole.Member };
            counts[k]++;
            memberships.Add(new CommunityMembership
            {
                Id = firstMembership + memberships.Count,
                CommunityId = firstCommunity + k,
                UserId = people[person].Id,
                Role = role,
                JoinedAt = now.AddDays(-random.Next(1, 700)),
            });
        }
        for (var k = 0; k < communityCount; k++)
        {
            communities[k].MemberCount = counts[k];
        }

        inserter.Insert(communities);
        inserter.Insert(terms);
        inserter.Insert(eligible);
        inserter.Insert(searchTerms);
        inserter.Insert(memberships);
        Clock.Mark("communities and memberships");

        // Join requests: the pending ones in the last three weeks, the rest decided over the last year.
        var requests = new List<JoinRequest>(requestCount);
        var open = new HashSet<(int, int)>();
        var outcomes = new[] { PrecheckOutcome.Met, PrecheckOutcome.Met, PrecheckOutcome.Met, PrecheckOutcome.NeedsJudgement, PrecheckOutcome.NeedsJudgement, PrecheckOutcome.NotMet };
        // The last (small, uncapped) community gets exactly the requests the bulk-approval timing approves.
        var bulkIndex = communityCount - 1;
        communities[bulkIndex].Capacity = null;
        while (requests.Count < requestCount)
        {
            var pending = requests.Count < pendingCount;
            var forBulk = requests.Count < bulkApprovable;
            var k = forBulk ? bulkIndex : random.Next(communityCount - 1);
            var person = random.Next(peopleCount);
            if (pending && !open.Add((k, person)))
            {
                continue;
            }
            var submitted = pending ? now.AddMinutes(-random.Next(10, 21 * 24 * 60)) : now.AddDays(-random.Next(22, 365));
            var outcome = forBulk ? PrecheckOutcome.Met : outcomes[random.Next(outcomes.Length)];
            var status = forBulk ? JoinRequestStatus.Pending : pending
                ? (random.NextDouble() < 0.9 ? JoinRequestStatus.Pending : JoinRequestStatus.InformationRequested)
                : (JoinRequestStatus)new[] { 2, 2, 2, 3, 4 }[random.Next(5)];
            requests.Add(new JoinRequest
            {
                Id = firstRequest + requests.Count,
                CommunityId = firstCommunity + k,
                ApplicantId = people[person].Id,
                TermsVersionId = terms[k].Id,
                Status = status,
                SubmittedAt = submitted,
                SubmittedWeekOf = LondonTime.WeekOf(submitted),
                Answers = new ApplicationAnswers
                {
                    ProfessionId = people[person].ProfessionId,
                    CareerStage = people[person].CareerStage,
                    JobTitle = people[person].JobTitle,
                    Organisation = people[person].Organisation,
                    Region = people[person].Region,
                    QuestionAnswers = [faker.Lorem.Sentence(20)],
                },
                PrecheckResults =
                [
                    new CriterionResult { Criterion = "Profession", Outcome = outcome, Reason = "Generated for the benchmark." },
                    new CriterionResult { Criterion = "Region", Outcome = PrecheckOutcome.Met, Reason = "Works in the Midlands." },
                ],
                PrecheckOutcome = outcome,
                DecidedAt = pending ? null : submitted.AddDays(random.Next(1, 8)),
                ConcurrencyStamp = Guid.NewGuid(),
            });
        }
        inserter.Insert(requests);
        Clock.Mark("join requests");

        // The audit log: 200,000 entries at 1x over the last two years, of a dozen types, by people and the system.
        var auditCount = (int)(200_000 * scale);
        var firstAudit = BulkInserter.Scalar(connection, "SELECT COALESCE(MAX(\"Id\"),0) FROM \"AuditEntries\"") + 1;
        var auditTypes = new[] { "JoinRequest", "CommunityMembership", "PortalUser", "Community", "TermsVersion", "CommunityProposal", "CoreTeamVacancy", "VacancyInterest", "AllowedEmailDomain", "Invitation", "IdentityUserRole`1", "GroundRules" };
        var auditActions = new[] { "Added", "Modified", "Modified", "Deleted", "join-request.approve" };
        var audit = Enumerable.Range(0, auditCount).Select(i =>
        {
            var person = random.NextDouble() < 0.1 ? null : people[random.Next(people.Count)];
            return new AuditEntry
            {
                Id = firstAudit + i,
                // Written in time order, as the portal writes them.
                OccurredAt = now.AddMinutes(-(auditCount - i) * 5.0 / scale),
                UserId = person?.Id,
                UserName = person?.Email ?? "system",
                Action = auditActions[random.Next(auditActions.Length)],
                EntityType = auditTypes[random.Next(auditTypes.Length)],
                EntityId = random.Next(1, 100_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Changes = "{\"Status\":[\"Pending\",\"Approved\"],\"DecidedAt\":[null,\"2026-11-20T10:00:00+00:00\"]}",
            };
        });
        Generated["AuditEntries"] = inserter.Insert(audit);
        Clock.Mark("audit entries");
        // The library and actions of the largest CoP: its standard folders, 200 documents of 1–3 versions, 300 actions.
        var libraryCommunity = communities.OrderByDescending(c => c.MemberCount).First(c => c.Status == CommunityStatus.Active);
        var firstFolder = (int)BulkInserter.Scalar(connection, "SELECT COALESCE(MAX(\"Id\"),0) FROM \"LibraryFolders\"") + 1;
        var firstDocument = (int)BulkInserter.Scalar(connection, "SELECT COALESCE(MAX(\"Id\"),0) FROM \"LibraryDocuments\"") + 1;
        var firstVersion = (int)BulkInserter.Scalar(connection, "SELECT COALESCE(MAX(\"Id\"),0) FROM \"LibraryDocumentVersions\"") + 1;
        var firstAction = (int)BulkInserter.Scalar(connection, "SELECT COALESCE(MAX(\"Id\"),0) FROM \"Actions\"") + 1;
        var folders = CopPortal.Domain.Library.LibraryFolder.StandardNames.Select((name, i) => new CopPortal.Domain.Library.LibraryFolder
        {
            Id = firstFolder + i, CommunityId = libraryCommunity.Id, Name = name, SortOrder = i, CreatedAt = now,
            HoldsMeetingDocuments = name == CopPortal.Domain.Library.LibraryFolder.AgendasAndMinutes,
        }).ToList();
        var documents = new List<CopPortal.Domain.Library.LibraryDocument>();
        var versions = new List<CopPortal.Domain.Library.LibraryDocumentVersion>();
        for (var i = 0; i < 200; i++)
        {
            var count = 1 + random.Next(3);
            documents.Add(new CopPortal.Domain.Library.LibraryDocument
            {
                Id = firstDocument + i, CommunityId = libraryCommunity.Id, FolderId = folders[i % folders.Count].Id, Title = faker.Lorem.Sentence(5),
                Status = i % 25 == 0 ? CopPortal.Domain.Library.LibraryDocumentStatus.Suggested : CopPortal.Domain.Library.LibraryDocumentStatus.Published,
                CreatedAt = now.AddDays(-random.Next(30, 700)), UpdatedAt = now.AddDays(-random.Next(1, 30)), CurrentVersion = count, ConcurrencyStamp = Guid.NewGuid(),
            });
            for (var v = 1; v <= count; v++)
            {
                versions.Add(new CopPortal.Domain.Library.LibraryDocumentVersion
                {
                    Id = firstVersion + versions.Count, DocumentId = firstDocument + i, Number = v, StoredName = Guid.NewGuid().ToString("N"),
                    FileName = $"document-{i}-v{v}.pdf", ContentType = "application/pdf", Length = random.Next(10_000, 5_000_000),
                    ChangeNote = faker.Lorem.Sentence(6), UploadedAt = now.AddDays(-random.Next(1, 700)),
                });
            }
        }
        var actions = Enumerable.Range(0, 300).Select(i => new CopPortal.Domain.Actions.CommunityAction
        {
            Id = firstAction + i, CommunityId = libraryCommunity.Id, Description = faker.Lorem.Sentence(10), OwnerName = faker.Name.FullName(),
            OwnerUserId = i % 2 == 0 ? people[random.Next(peopleCount)].Id : null,
            DueOn = DateOnly.FromDateTime(now.AddDays(random.Next(-60, 90)).UtcDateTime),
            Status = (CopPortal.Domain.Actions.ActionStatus)(i % 3), CreatedAt = now.AddDays(-random.Next(30, 365)), UpdatedAt = now, ConcurrencyStamp = Guid.NewGuid(),
        }).ToList();
        inserter.Insert(folders);
        inserter.Insert(documents);
        inserter.Insert(versions);
        inserter.Insert(actions);
        Clock.Mark("library and actions");
        // The forum: threads and posts in the same communities, busiest where the members are.
        Forum = new ForumGenerator(inserter, connection, faker, random, Clock).Generate(communities, memberships, scale, now);
        Generated["ForumThreads"] = Forum.Threads;
        Generated["ForumPosts"] = Forum.Posts;
        Generated["ForumSearchTerms"] = Forum.SearchTerms;
        // Triple-A: 5,000 points at 1x, two to a report, one report per held meeting, over the last two years.
        var pointCount = Math.Max(2, (int)(5000 * scale));
        var firstMeeting = (int)BulkInserter.Scalar(connection, "SELECT COALESCE(MAX(\"Id\"),0) FROM \"Meetings\"") + 1;
        var firstReport = (int)BulkInserter.Scalar(connection, "SELECT COALESCE(MAX(\"Id\"),0) FROM \"TripleAReports\"") + 1;
        var firstPoint = (int)BulkInserter.Scalar(connection, "SELECT COALESCE(MAX(\"Id\"),0) FROM \"EscalationPoints\"") + 1;
        var meetings = new List<CopPortal.Domain.Meetings.Meeting>();
        var reports = new List<CopPortal.Domain.Escalations.TripleAReport>();
        var points = new List<CopPortal.Domain.Escalations.EscalationPoint>();
        var statuses = new[] { CopPortal.Domain.Escalations.PointStatus.Submitted, CopPortal.Domain.Escalations.PointStatus.UnderReview, CopPortal.Domain.Escalations.PointStatus.Routed, CopPortal.Domain.Escalations.PointStatus.OutcomeRecorded, CopPortal.Domain.Escalations.PointStatus.Closed };
        for (var r = 0; r < (pointCount + 1) / 2; r++)
        {
            var k = random.Next(communityCount);
            var held = now.AddDays(-random.Next(15, 730)).AddHours(-random.Next(0, 12));
            meetings.Add(new CopPortal.Domain.Meetings.Meeting
            {
                Id = firstMeeting + r, CommunityId = firstCommunity + k, Title = "Community meeting", StartsAt = held, EndsAt = held.AddHours(1),
                CalendarUid = $"bench-{firstMeeting + r}@copportal", CreatedAt = held.AddDays(-30), UpdatedAt = held.AddDays(-30),
            });
            var submittedAt = held.AddDays(random.Next(1, 14));
            reports.Add(new CopPortal.Domain.Escalations.TripleAReport
            {
                Id = firstReport + r, CommunityId = firstCommunity + k, MeetingId = firstMeeting + r, Content = faker.Lorem.Paragraph(),
                Status = CopPortal.Domain.Escalations.ReportStatus.Submitted, CreatedAt = held, UpdatedAt = submittedAt, SubmittedAt = submittedAt,
            });
            for (var j = 0; j < 2 && points.Count < pointCount; j++)
            {
                var status = statuses[random.Next(statuses.Length)];
                var hasOutcome = status >= CopPortal.Domain.Escalations.PointStatus.OutcomeRecorded;
                points.Add(new CopPortal.Domain.Escalations.EscalationPoint
                {
                    Id = firstPoint + points.Count, ReportId = firstReport + r, CommunityId = firstCommunity + k,
                    Category = (CopPortal.Domain.Escalations.TripleACategory)random.Next(3), Kind = (CopPortal.Domain.Escalations.PointKind)random.Next(2),
                    Title = faker.Lorem.Sentence(6), Detail = faker.Lorem.Paragraph(), Status = status, SubmittedAt = submittedAt,
                    Outcome = hasOutcome ? faker.Lorem.Sentence(12) : null, OutcomeRecordedAt = hasOutcome ? submittedAt.AddDays(random.Next(3, 60)) : null,
                    ConcurrencyStamp = Guid.NewGuid(),
                });
            }
        }
        inserter.Insert(meetings);
        inserter.Insert(reports);
        inserter.Insert(points);
        Clock.Mark("Triple-A reports");

        var largest = communities.OrderByDescending(c => c.MemberCount).First(c => c.Status == CommunityStatus.Active);
        // Meetings: every active CoP meets monthly, a held year and the coming one; the largest has RSVPs, agendas and minutes.
        Meetings = new MeetingsGenerator(inserter, connection, faker, random).Generate(communities, memberships, largest, now);
        Clock.Mark("meetings");
        // Equality monitoring: one response for every join request, over the last two years (the report aggregates them in SQL).
        string? Pick(params string?[] answers) => answers[random.Next(answers.Length)];
        var firstEquality = (int)BulkInserter.Scalar(connection, "SELECT COALESCE(MAX(\"Id\"),0) FROM \"EqualityMonitoringResponses\"") + 1;
        inserter.Insert(Enumerable.Range(0, requestCount).Select(i => new CopPortal.Domain.Joining.EqualityMonitoringResponse
        {
            Id = firstEquality + i,
            CommunityId = communities[random.Next(communityCount)].Id,
            SubmittedOn = DateOnly.FromDateTime(now.AddDays(-random.Next(1, 730)).UtcDateTime),
            AgeBand = Pick("25-34", "35-44", "45-54", "55-64", null), Sex = Pick("Female", "Male", "Prefer not to say"),
            Ethnicity = Pick("White British", "Asian or Asian British", "Black or Black British", "Mixed", null),
            Disability = Pick("No", "Yes", null), SexualOrientation = Pick("Heterosexual", "Gay or lesbian", "Bisexual", null),
            Religion = Pick("No religion", "Christian", "Muslim", "Hindu", null),
        }));
        Clock.Mark("equality responses");
        load.End();
        Clock.Mark("indexes made again, back to WAL");
        return new Summary(communityCount, peopleCount, membershipCount, requestCount, pendingCount, largest.Slug, largest.MemberCount,
            requests[^1].Id - (requestCount - pendingCount), firstCommunity + bulkIndex, started.Elapsed);
    }
}
