using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Escalations;
using CopPortal.Domain.Links;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.Minutes;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CopPortal.Web.Tests.Performance;

/// <summary>
/// Each workspace page sends the same number of SQL commands whether it shows N rows or three times as many:
/// no query per row (N+1). Rows are added behind the portal's back between two renders of the same page.
/// </summary>
public sealed class WorkspaceQueryCountTests(WorkspaceQueryCountTests.Portal portal, ITestOutputHelper output) : IClassFixture<WorkspaceQueryCountTests.Portal>
{
    private const string Slug = DemoData.PractitionersSlug;
    private const int N = 3;

    /// <summary>One portal for the class, with the command counter installed; each test grows its own rows.</summary>
    public sealed class Portal : IDisposable
    {
        public PortalFactory Factory { get; } = new();
        public CommandCounter Counter { get; } = new();
        public ConnectionOpenCounter Opens { get; } = new();
        private WebApplicationFactory<Program>? _counted;

        public WebApplicationFactory<Program> Counted => _counted ??= Factory.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.AddSingleton<IInterceptor>(Counter);
            s.AddSingleton<IInterceptor>(Opens);
        }));

        public async Task<HttpClient> ClientAsync(string email)
        {
            var client = Counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            await client.AsAsync(email);
            return client;
        }

        public void Dispose()
        {
            _counted?.Dispose();
            Factory.Dispose();
        }
    }

    private PortalFactory Db => portal.Factory;

    /// <summary>Renders the page once to fill caches, then counts the commands of a second render.</summary>
    private async Task<int> CommandsAsync(HttpClient client, string url)
    {
        Db.Clock.Advance(TimeSpan.FromMinutes(2)); // kept names and counts expire, as rows were added behind the portal's back
        await client.GetPageAsync(url);
        portal.Counter.Reset();
        portal.Opens.Reset();
        await client.GetPageAsync(url);
        // All of a signed-in request's queries share one connection (RequestConnection), not one open per query.
        Assert.True(portal.Opens.Count == 1, $"{url} opened the database connection {portal.Opens.Count} times; one request needs it opened once");
        return portal.Counter.Count;
    }

    /// <param name="most">Where a page's commands were cut, how many it may send now, so they cannot creep back.</param>
    private async Task AssertFlatAsync(string email, string url, Func<int, int, Task> grow, int? most = null)
    {
        var client = await portal.ClientAsync(email);
        await grow(0, N);
        var few = await CommandsAsync(client, url);
        await grow(N, 3 * N);
        var many = await CommandsAsync(client, url);
        output.WriteLine($"{url}: {few} commands with {N} rows, {many} with {3 * N}");
        Assert.True(few == many, $"{url} sent {few} SQL commands with {N} rows and {many} with {3 * N}: a query per row");
        Assert.True(most is null || many <= most, $"{url} sent {many} SQL commands; it needs at most {most}");
    }

    private Task<int> CommunityIdAsync(string slug = Slug) => Db.WithDbAsync(db => db.Communities.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());

    /// <summary>Members of the CoP (other than the demo's named people), in a fixed order, for authors, owners and answers.</summary>
    private Task<List<(string Id, string Name)>> MembersAsync(int count) => Db.WithDbAsync(async db =>
    {
        var communityId = await db.Communities.Where(c => c.Slug == Slug).Select(c => c.Id).SingleAsync();
        var rows = await db.Memberships.Where(m => m.CommunityId == communityId).OrderBy(m => m.UserId)
            .Select(m => new { m.UserId, m.User!.DisplayName }).Take(count).ToListAsync();
        Assert.True(rows.Count == count, $"The demo CoP has only {rows.Count} members");
        return rows.Select(r => (r.UserId, r.DisplayName)).ToList();
    });

    private async Task<int> MeetingAsync(DateTimeOffset startsAt, string title) => await Db.WithDbAsync(async db =>
    {
        var meeting = new Meeting { CommunityId = await CommunityIdAsync(), Title = title, StartsAt = startsAt, EndsAt = startsAt.AddHours(1), CalendarUid = Guid.NewGuid().ToString("N") + "@count", CreatedAt = startsAt.AddDays(-30), UpdatedAt = startsAt.AddDays(-30) };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    });

    [Fact]
    public async Task Meetings_list()
    {
        var members = await MembersAsync(3 * N);
        await AssertFlatAsync(DemoData.ChairEmail, PortalPaths.Meetings(Slug), async (from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                var id = await MeetingAsync(Db.Clock.GetUtcNow().AddDays(5 + i), "Counted upcoming " + i);
                var past = await MeetingAsync(Db.Clock.GetUtcNow().AddDays(-5 - i), "Counted past " + i);
                await Db.WithDbAsync(async db =>
                {
                    db.MeetingResponses.Add(new MeetingResponse { MeetingId = id, UserId = members[i].Id, Answer = RsvpAnswer.Attending, RespondedAt = Db.Clock.GetUtcNow() });
                    db.MeetingAttendance.Add(new MeetingAttendance { MeetingId = past, UserId = members[i].Id, Name = members[i].Name, Status = AttendanceStatus.Attended });
                    await db.SaveChangesAsync();
                });
            }
        });
    }

    [Fact]
    public async Task Meeting_page_with_its_answers()
    {
        var members = await MembersAsync(3 * N);
        var meetingId = await MeetingAsync(Db.Clock.GetUtcNow().AddDays(9), "Counted meeting");
        await AssertFlatAsync(DemoData.ChairEmail, PortalPaths.Meeting(Slug, meetingId), (from, to) => Db.WithDbAsync(async db =>
        {
            for (var i = from; i < to; i++)
            {
                db.MeetingResponses.Add(new MeetingResponse { MeetingId = meetingId, UserId = members[i].Id, Answer = i % 2 == 0 ? RsvpAnswer.Attending : RsvpAnswer.Apologies, Message = i % 2 == 0 ? null : "Clinic", RespondedAt = Db.Clock.GetUtcNow() });
                db.MeetingGuests.Add(new MeetingGuest { MeetingId = meetingId, Name = "Guest " + i, Email = $"guest{i}@example.org", TokenHash = Guid.NewGuid().ToString("N"), InvitedAt = Db.Clock.GetUtcNow() });
            }
            await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task Minutes_page_with_items_attendance_and_actions()
    {
        var members = await MembersAsync(3 * N);
        var held = Db.Clock.GetUtcNow().AddDays(-7);
        var meetingId = await MeetingAsync(held, "Counted minutes");
        var communityId = await CommunityIdAsync();
        await Db.WithDbAsync(async db =>
        {
            db.MeetingMinutes.Add(new MeetingMinutes { CommunityId = communityId, MeetingId = meetingId, Status = MinutesStatus.Published, CreatedAt = held, UpdatedAt = held, ApprovedAt = held, ApprovedByName = "Counted Chair", PublishedAt = held });
            await db.SaveChangesAsync();
        });
        await AssertFlatAsync(DemoData.ChairEmail, PortalPaths.MeetingMinutes(Slug, meetingId), (from, to) => Db.WithDbAsync(async db =>
        {
            var minutes = await db.MeetingMinutes.Include(m => m.Items).SingleAsync(m => m.MeetingId == meetingId);
            for (var i = from; i < to; i++)
            {
                minutes.Items.Add(new MinutesItem { Position = i + 1, Title = "Item " + i, KeyPoints = "Points " + i, Decisions = "Decided " + i, IsMattersArising = i == 0 });
                db.MeetingAttendance.Add(new MeetingAttendance { MeetingId = meetingId, UserId = members[i].Id, Name = members[i].Name, Status = i % 3 == 0 ? AttendanceStatus.Apologies : AttendanceStatus.Attended });
                db.Actions.Add(new CopPortal.Domain.Actions.CommunityAction { CommunityId = communityId, MeetingId = meetingId, Description = "Counted action " + i, OwnerUserId = members[i].Id, OwnerName = members[i].Name, DueOn = new DateOnly(2027, 1, 1 + i), CreatedAt = held, UpdatedAt = held });
            }
            await db.SaveChangesAsync();
        }), most: 5); // sign-in check, CoP and role, meeting and revisions, items + attendance + actions in one, matters arising
    }

    [Fact]
    public async Task Agenda_page_with_items_and_matters_arising()
    {
        var held = Db.Clock.GetUtcNow().AddDays(-30);
        var earlier = await MeetingAsync(held, "Counted earlier meeting");
        var meetingId = await MeetingAsync(Db.Clock.GetUtcNow().AddDays(12), "Counted agenda");
        var communityId = await CommunityIdAsync();
        await Db.WithDbAsync(async db =>
        {
            db.Agendas.Add(new Agenda { CommunityId = communityId, MeetingId = meetingId, CreatedAt = held, UpdatedAt = held, PublishedAt = held, Items = [new AgendaItem { Position = 1, Title = "Matters arising", IsMattersArising = true }] });
            await db.SaveChangesAsync();
        });
        await AssertFlatAsync(DemoData.ChairEmail, PortalPaths.MeetingAgenda(Slug, meetingId), (from, to) => Db.WithDbAsync(async db =>
        {
            var agenda = await db.Agendas.Include(a => a.Items).SingleAsync(a => a.MeetingId == meetingId);
            for (var i = from; i < to; i++)
            {
                agenda.Items.Add(new AgendaItem { Position = i + 2, Title = "Counted item " + i, Description = "Item **" + i + "**", MinutesAllotted = 5 });
                db.Actions.Add(new CopPortal.Domain.Actions.CommunityAction { CommunityId = communityId, MeetingId = earlier, Description = "Counted open action " + i, OwnerName = "Owner " + i, DueOn = new DateOnly(2027, 1, 1 + i), CreatedAt = held, UpdatedAt = held });
            }
            await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task Poll_page_with_its_answers()
    {
        var members = await MembersAsync(3 * N);
        var communityId = await CommunityIdAsync();
        var now = Db.Clock.GetUtcNow();
        var pollId = await Db.WithDbAsync(async db =>
        {
            var poll = new CopPortal.Domain.Meetings.Polls.Poll
            {
                CommunityId = communityId,
                Title = "Counted poll",
                ClosesAt = now.AddDays(10),
                CreatedAt = now,
                Options = [.. Enumerable.Range(0, 3).Select(i => new CopPortal.Domain.Meetings.Polls.PollOption { StartsAt = now.AddDays(20 + i), EndsAt = now.AddDays(20 + i).AddHours(1) })],
            };
            db.MeetingPolls.Add(poll);
            await db.SaveChangesAsync();
            return poll.Id;
        });
        await AssertFlatAsync(DemoData.ChairEmail, PortalPaths.MeetingPoll(Slug, pollId), (from, to) => Db.WithDbAsync(async db =>
        {
            var options = await db.Set<CopPortal.Domain.Meetings.Polls.PollOption>().Where(o => o.PollId == pollId).Select(o => o.Id).ToListAsync();
            for (var i = from; i < to; i++)
            {
                foreach (var option in options)
                {
                    db.MeetingPollAnswers.Add(new CopPortal.Domain.Meetings.Polls.PollAnswer { PollOptionId = option, UserId = members[i].Id, Choice = (CopPortal.Domain.Meetings.Polls.PollChoice)(i % 3), AnsweredAt = now });
                }
            }
            await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task Actions_page()
    {
        var members = await MembersAsync(3 * N);
        var meetings = new List<int>();
        for (var i = 0; i < 3 * N; i++)
        {
            meetings.Add(await MeetingAsync(Db.Clock.GetUtcNow().AddDays(-20 - i), "Counted action meeting " + i));
        }
        await AssertFlatAsync(DemoData.ChairEmail, PortalPaths.Actions(Slug), async (from, to) =>
        {
            await Db.WithServicesAsync(async services =>
            {
                var actions = services.GetRequiredService<CopPortal.Domain.Actions.ActionService>();
                var db = services.GetRequiredService<CopDbContext>();
                for (var i = from; i < to; i++)
                {
                    var action = await actions.AddAsync(await CommunityIdAsync(), "Counted action " + i, members[i].Id, members[i].Name, new DateOnly(2027, 2, 1 + i), members[0].Id, members[0].Name);
                    var tracked = await db.Actions.SingleAsync(a => a.Id == action.Id);
                    tracked.MeetingId = meetings[i];
                    await db.SaveChangesAsync();
                }
            });
        }, most: 3); // sign-in check, CoP and role, the page of actions with the counts per status
    }

    [Fact]
    public async Task Library_and_a_folder()
    {
        var members = await MembersAsync(3 * N);
        var communityId = await CommunityIdAsync();
        var folderId = await Db.WithDbAsync(db => db.LibraryFolders.Where(f => f.CommunityId == communityId).OrderBy(f => f.SortOrder).Select(f => f.Id).FirstAsync());
        async Task Grow(int from, int to) => await Db.WithServicesAsync(async services =>
        {
            var library = services.GetRequiredService<CopPortal.Domain.Library.LibraryService>();
            var folders = await library.FoldersAsync(communityId);
            for (var i = from; i < to; i++)
            {
                await library.AddAsync(communityId, i % 2 == 0 ? folderId : folders[i % folders.Count].Id, "Counted document " + i, new("counted-" + Guid.NewGuid().ToString("N"), $"counted{i}.pdf", "application/pdf", 1000 + i), null, members[i % members.Count].Id, suggestion: false);
            }
        });
        await AssertFlatAsync(DemoData.ChairEmail, PortalPaths.Library(Slug), Grow, most: 5); // sign-in check, CoP and role, folders with counts, agendas and minutes, suggestions
        await AssertFlatAsync(DemoData.ChairEmail, PortalPaths.LibraryFolder(Slug, folderId), (from, to) => Grow(from + 3 * N, to + 3 * N));
    }

    /// <summary>More members with their own names, so each new row's author is someone the page has not shown yet.</summary>
    private async Task<List<(string Id, string Name)>> NewMembersAsync(string prefix, int count)
    {
        var people = new List<(string, string)>();
        for (var i = 0; i < count; i++)
        {
            var user = await Db.CreateUserAsync($"{prefix}{i}@count.nhs.uk", $"{prefix} person {i}");
            people.Add((user.Id, user.DisplayName));
        }
        await Db.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<CopDbContext>();
            var community = await db.Communities.SingleAsync(c => c.Slug == Slug);
            await db.InTransactionAsync(async () =>
            {
                foreach (var (id, _) in people)
                {
                    await services.GetRequiredService<MembershipService>().AddOrSetRoleAsync(community, id, CommunityRole.Member);
                }
                await db.SaveChangesAsync();
            });
        });
        return people;
    }

    [Fact]
    public async Task Forum_index()
    {
        var authors = await NewMembersAsync("index", 3 * N);
        await AssertFlatAsync(DemoData.ChairEmail, PortalPaths.Forum(Slug), (from, to) => Db.WithServicesAsync(async services =>
        {
            var forum = services.GetRequiredService<CopPortal.Domain.Forum.ForumService>();
            for (var i = from; i < to; i++)
            {
                await forum.StartThreadAsync(await CommunityIdAsync(), authors[i].Id, "Counted thread " + i, "Counted body " + i, Guid.NewGuid(), acceptsGroundRules: false);
            }
        }));
    }

    [Fact]
    public async Task Forum_thread_page()
    {
        var authors = await NewMembersAsync("thread", 3 * N + 1);
        var threadId = 0;
        await Db.WithServicesAsync(async services =>
        {
            var post = await services.GetRequiredService<CopPortal.Domain.Forum.ForumService>().StartThreadAsync(await CommunityIdAsync(), authors[^1].Id, "Counted thread page", "First.", Guid.NewGuid(), acceptsGroundRules: false);
            threadId = post.ThreadId;
        });
        await AssertFlatAsync(DemoData.ChairEmail, PortalPaths.ForumThread(Slug, threadId), (from, to) => Db.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<CopDbContext>();
            var forum = services.GetRequiredService<CopPortal.Domain.Forum.ForumService>();
            var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Slug == Slug);
            for (var i = from; i < to; i++)
            {
                var thread = await db.ForumThreads.SingleAsync(t => t.Id == threadId);
                await forum.ReplyAsync(community, thread, authors[i].Id, "Counted reply " + i, Guid.NewGuid(), acceptsGroundRules: false);
            }
        }));
    }

    [Fact]
    public async Task Forum_search()
    {
        var authors = await NewMembersAsync("search", 3 * N);
        await AssertFlatAsync(DemoData.ChairEmail, PortalPaths.ForumSearch(Slug, "countedsearchz"), (from, to) => Db.WithServicesAsync(async services =>
        {
            var forum = services.GetRequiredService<CopPortal.Domain.Forum.ForumService>();
            for (var i = from; i < to; i++)
            {
                await forum.StartThreadAsync(await CommunityIdAsync(), authors[i].Id, "Searched thread " + i, "Countedsearchz body " + i, Guid.NewGuid(), acceptsGroundRules: false);
            }
        }));
    }

    /// <summary>Submitted reports with points in different CoPs, for the council's pages.</summary>
    private async Task GrowPointsAsync(int from, int to)
    {
        var communities = await Db.WithDbAsync(db => db.Communities.Where(c => c.Status == CommunityStatus.Active).OrderBy(c => c.Id).Select(c => c.Slug).ToListAsync());
        for (var i = from; i < to; i++)
        {
            var meetingId = await CopPortal.Web.Tests.Escalations.EscalationTestData.MeetingAsync(Db, communities[i % communities.Count], daysAgo: 1 + (i * 0.01), title: "Counted council meeting " + i);
            await CopPortal.Web.Tests.Escalations.EscalationTestData.SubmittedReportAsync(Db, meetingId, ((TripleACategory)(i % 3), i % 2 == 0 ? PointKind.Escalation : PointKind.Commendation, "Counted point " + i));
        }
    }

    [Fact]
    public async Task Council_escalations_queue() =>
        await AssertFlatAsync(DemoData.CouncilEmail, PortalPaths.CouncilEscalations, (from, to) => GrowPointsAsync(from + 100, to + 100));

    [Fact]
    public async Task Council_home() =>
        await AssertFlatAsync(DemoData.CouncilEmail, PortalPaths.Council, (from, to) => GrowPointsAsync(from + 200, to + 200));
}
