using System.Net;
using AngleSharp.Html.Dom;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Joining;

/// <summary>
/// Capacity and the stored member count under truly parallel approvals and departures, on the real database
/// (run with COPPORTAL_TEST_DATABASE=Postgres for PostgreSQL). Each request or service call has its own
/// DbContext, as in production.
/// </summary>
public sealed class MembershipConcurrencyTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private const string Slug = JoiningTestData.Practitioners;
    private readonly PortalFactory _portal = shared.Fresh();

    [Fact]
    public async Task Thirty_parallel_approvals_on_the_review_page_fill_exactly_the_free_places()
    {
        var before = (await _portal.CommunityAsync(Slug)).MemberCount;
        var capacity = before + 5;
        await _portal.SetCapacityAsync(Slug, capacity);
        var ids = new List<int>();
        for (var i = 0; i < 30; i++)
        {
            var email = $"racer{i}@test.nhs.uk";
            await _portal.CreateApplicantAsync(email, $"Racer {i}");
            ids.Add(await _portal.SubmitAsync(email, Slug));
        }

        // Three staff sessions; each review page is opened first, so every POST carries its own antiforgery token.
        var staff = new List<HttpClient>();
        for (var i = 0; i < 3; i++)
        {
            staff.Add(await _portal.SignedInClientAsync(DemoData.StaffEmail));
        }
        var posts = new List<(HttpClient Client, IHtmlFormElement Form, string Url)>();
        foreach (var (id, index) in ids.Select((id, index) => (id, index)))
        {
            var client = staff[index % staff.Count];
            var url = PortalPaths.JoinRequestReview(id);
            var page = await client.GetPageAsync(url);
            posts.Add((client, (IHtmlFormElement)page.QuerySelector("#approve-form")!, url));
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = posts.Select(p => Task.Run(async () =>
        {
            await start.Task;
            return await p.Client.PostFormAsync(p.Form, [], p.Url);
        })).ToList();
        start.SetResult();
        var responses = await Task.WhenAll(running);

        // Every approval answered normally: no 500, no concurrency failure sent back to the review page.
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.All(responses, r => Assert.Equal(PortalPaths.StaffJoinRequests, r.Headers.Location?.OriginalString));
        await AssertCountIsRightAsync(capacity);
        var statuses = await _portal.WithDbAsync(db => db.JoinRequests.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => r.Status).ToListAsync());
        Assert.Equal(5, statuses.Count(s => s == JoinRequestStatus.Approved));
        Assert.Equal(25, statuses.Count(s => s == JoinRequestStatus.WaitingList));
        // Each losing approval told the applicant about the waiting list; nobody beyond the places was welcomed.
        var outbox = await _portal.OutboxAsync();
        Assert.Equal(5, outbox.Count(m => m.Kind == JoinRequestService.ApprovedEmail));
        Assert.Equal(25, outbox.Count(m => m.Kind == JoinRequestService.WaitingListEmail));
    }

    [Fact]
    public async Task Thirty_parallel_leaves_and_approvals_keep_the_count_exact_and_within_capacity()
    {
        // A full community: fifteen members who will leave, and fifteen applicants approved at the same moment.
        var community = await _portal.CommunityAsync(Slug);
        var leavers = new List<string>();
        for (var i = 0; i < 15; i++)
        {
            var user = await _portal.CreateApplicantAsync($"leaver{i}@test.nhs.uk", $"Leaver {i}");
            leavers.Add(user.Id);
            await _portal.WithServicesAsync(async services =>
            {
                var db = services.GetRequiredService<CopDbContext>();
                var memberships = services.GetRequiredService<MembershipService>();
                var stored = await db.Communities.SingleAsync(c => c.Id == community.Id);
                await db.InTransactionAsync(async () =>
                {
                    await memberships.AddOrSetRoleAsync(stored, user.Id, CommunityRole.Member);
                    await db.SaveChangesAsync();
                });
            });
        }
        var capacity = (await _portal.CommunityAsync(Slug)).MemberCount;
        await _portal.SetCapacityAsync(Slug, capacity);
        var requests = new List<int>();
        for (var i = 0; i < 15; i++)
        {
            var email = $"joiner{i}@test.nhs.uk";
            await _portal.CreateApplicantAsync(email, $"Joiner {i}");
            requests.Add(await _portal.SubmitAsync(email, Slug));
        }
        var staffId = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.StaffEmail).Select(u => u.Id).SingleAsync());

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task InOwnScope(Func<IServiceProvider, Task> work) => Task.Run(async () =>
        {
            await start.Task;
            await _portal.WithServicesAsync(work);
        });
        var work = new List<Task>();
        for (var i = 0; i < 15; i++)
        {
            var leaver = leavers[i];
            var requestId = requests[i];
            work.Add(InOwnScope(async services =>
            {
                var db = services.GetRequiredService<CopDbContext>();
                var stored = await db.Communities.SingleAsync(c => c.Id == community.Id);
                await services.GetRequiredService<JoinRequestService>().LeaveAsync(stored, leaver);
            }));
            work.Add(InOwnScope(async services =>
            {
                var db = services.GetRequiredService<CopDbContext>();
                var request = await db.JoinRequests.SingleAsync(r => r.Id == requestId);
                await services.GetRequiredService<JoinRequestService>().ApproveAsync(request, staffId);
            }));
        }
        start.SetResult();
        await Task.WhenAll(work);

        // Fifteen left and fifteen places were given, either at once or from the waiting list when one freed.
        await AssertCountIsRightAsync(capacity);
        var statuses = await _portal.WithDbAsync(db => db.JoinRequests.AsNoTracking().Where(r => requests.Contains(r.Id)).Select(r => r.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(JoinRequestStatus.Approved, s));
        Assert.False(await _portal.WithDbAsync(db => db.Memberships.AnyAsync(m => leavers.Contains(m.UserId))));
    }

    [Fact]
    public async Task A_member_leaving_twice_at_once_is_counted_once()
    {
        var user = await _portal.CreateApplicantAsync("twice@test.nhs.uk");
        var community = await _portal.CommunityAsync(Slug);
        await _portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<CopDbContext>();
            var stored = await db.Communities.SingleAsync(c => c.Id == community.Id);
            await db.InTransactionAsync(async () =>
            {
                await services.GetRequiredService<MembershipService>().AddOrSetRoleAsync(stored, user.Id, CommunityRole.Member);
                await db.SaveChangesAsync();
            });
        });
        var members = (await _portal.CommunityAsync(Slug)).MemberCount;
        var client = await _portal.SignedInClientAsync("twice@test.nhs.uk");
        var url = PortalPaths.LeaveCommunity(Slug);
        var forms = new List<IHtmlFormElement>();
        for (var i = 0; i < 10; i++)
        {
            forms.Add((IHtmlFormElement)(await client.GetPageAsync(url)).QuerySelector("main form[method='post']")!);
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var responses = await Task.WhenAll(forms.Select(f => Task.Run(async () =>
        {
            await start.Task;
            return await client.PostFormAsync(f, [], url);
        })).Append(Task.Run(async () =>
        {
            start.SetResult();
            return new HttpResponseMessage(HttpStatusCode.Redirect);
        })));

        Assert.All(responses, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.StatusCode));
        await AssertCountIsRightAsync(members - 1);
    }

    /// <summary>The stored count equals the real memberships, and the community holds what it should.</summary>
    private async Task AssertCountIsRightAsync(int expected)
    {
        var (stored, real) = await _portal.WithDbAsync(async db =>
        {
            var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Slug == Slug);
            return (community.MemberCount, await db.Memberships.CountAsync(m => m.CommunityId == community.Id));
        });
        Assert.Equal(real, stored);
        Assert.Equal(expected, real);
    }
}
