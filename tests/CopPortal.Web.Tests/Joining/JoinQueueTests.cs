using System.Data.Common;
using System.Net;
using CopPortal.Domain.Joining;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Joining;

/// <summary>/staff/join-requests: weekly grouping, filters, who may see it, and a fixed number of SQL commands.</summary>
public sealed class JoinQueueTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    [Fact]
    public async Task Get_as_member_is_forbidden_and_signed_out_redirects()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        foreach (var url in new[] { PortalPaths.StaffJoinRequests, "/staff/join-requests/1", PortalPaths.BulkApprove, PortalPaths.StaffEquality })
        {
            // The cookie scheme answers "forbidden" with a redirect to the access-denied page.
            var response = await member.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith(PortalPaths.AccessDenied, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        var bulk = await member.PostAsync(PortalPaths.BulkApprove, new FormUrlEncodedContent([new("Ids", "1")]));
        Assert.NotEqual(HttpStatusCode.OK, bulk.StatusCode);
        Assert.Equal(0, await _portal.WithDbAsync(db => db.JoinRequests.CountAsync(r => r.Status == JoinRequestStatus.Approved && r.DecidedById == null)));
        var anonymous = _portal.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(PortalPaths.StaffJoinRequests)).StatusCode);
    }

    [Fact]
    public async Task Get_groups_open_requests_by_week_oldest_first_with_counts()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var page = await staff.GetPageAsync(PortalPaths.StaffJoinRequests);
        var headings = page.QuerySelectorAll("h2.app-week-heading").Select(h => h.TextContent.Trim()).ToList();
        // Demo data: open requests sent 2 to 16 days before Wednesday 18 November 2026.
        Assert.Equal(
            [
                "Week beginning 2 November 2026 — 2 requests",
                "Week beginning 9 November 2026 — 5 requests",
                "Week beginning 16 November 2026 — 1 request",
            ],
            headings);
        var firstRow = page.QuerySelector("table.app-queue-table tbody tr")!.CellText();
        Assert.Contains("Dr Eleanor Shaw", firstRow, StringComparison.Ordinal);
        Assert.Contains("Not met", firstRow, StringComparison.Ordinal);
        Assert.Equal("8 requests", page.QuerySelector("#queue-total")!.TextContent.Trim());
    }

    [Fact]
    public async Task Community_filter_finds_a_renamed_community_at_once_although_the_names_are_kept_in_memory()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var caps = await _portal.CommunityAsync(JoiningTestData.Caps);
        Assert.Equal(caps.Name, ChosenCommunity(await staff.GetPageAsync($"/staff/join-requests?community-name={Uri.EscapeDataString(caps.Name)}")));

        await _portal.WithDbAsync(async db =>
        {
            var community = await db.Communities.SingleAsync(c => c.Id == caps.Id);
            community.Name = "Renamed Associates Community";
            await db.SaveChangesAsync();
        });

        Assert.Equal("Renamed Associates Community", ChosenCommunity(await staff.GetPageAsync("/staff/join-requests?community-name=renamed+associates")));
        Assert.Equal("Renamed Associates Community", ChosenCommunity(await staff.GetPageAsync($"/staff/join-requests?community={caps.Id}")));
    }

    [Fact]
    public async Task Community_filter_picks_up_a_change_made_elsewhere_within_a_minute()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var caps = await _portal.CommunityAsync(JoiningTestData.Caps);
        var url = $"/staff/join-requests?community={caps.Id}";
        Assert.Equal(caps.Name, ChosenCommunity(await staff.GetPageAsync(url)));

        // As if another server running the portal renamed it: this app's SaveChanges never sees the change.
        await _portal.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"Communities\" SET \"Name\" = 'Renamed Elsewhere' WHERE \"Id\" = {caps.Id}"));
        Assert.Equal(caps.Name, ChosenCommunity(await staff.GetPageAsync(url)));

        _portal.Clock.Advance(CopPortal.Domain.Communities.CommunityCache.MaxAge);
        Assert.Equal("Renamed Elsewhere", ChosenCommunity(await staff.GetPageAsync(url)));
    }

    [Fact]
    public async Task Community_filter_by_part_of_a_name_filters_on_one_match_lists_several_and_says_when_none()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var caps = await _portal.CommunityAsync(JoiningTestData.Caps);

        // One match: the queue for that community, the box showing its full name.
        var one = await staff.GetPageAsync("/staff/join-requests?community-name=clinical+associate&status=all");
        Assert.Equal(caps.Name, ChosenCommunity(one));
        Assert.All(one.QuerySelectorAll("table.app-queue-table tbody tr td:nth-child(2)"), td => Assert.Equal(caps.Name, td.CellText().Trim()));

        // Several: a list to choose from, each link keeping the other filters, and no queue that ignores the text.
        var several = await staff.GetPageAsync("/staff/join-requests?community-name=psycholog&status=all");
        Assert.Null(several.QuerySelector("table.app-queue-table"));
        var choices = several.QuerySelectorAll(".app-community-choices a").ToList();
        Assert.True(choices.Count > 1);
        Assert.Contains(choices, a => a.TextContent == caps.Name && a.GetAttribute("href") == $"/staff/join-requests?community={caps.Id}&status=all");
        Assert.Contains($"{choices.Count} communities match", several.QuerySelector("#community-choice")!.TextContent, StringComparison.Ordinal);

        var none = await staff.GetPageAsync("/staff/join-requests?community-name=zzz");
        Assert.Null(none.QuerySelector("table.app-queue-table"));
        Assert.Equal("No community's name contains “zzz”", none.QuerySelector("#community-choice")!.TextContent.Trim());
    }

    [Fact]
    public async Task Counts_change_as_soon_as_a_request_changes_and_within_seconds_when_another_server_changes_one()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        Assert.Equal("8 requests", (await staff.GetPageAsync(PortalPaths.StaffJoinRequests)).QuerySelector("#queue-total")!.TextContent.Trim());

        var open = await _portal.WithDbAsync(db => db.JoinRequests.Where(JoinRequest.InQueueFilter).OrderBy(r => r.Id).Select(r => r.Id).Take(2).ToListAsync());
        await _portal.WithDbAsync(async db =>
        {
            var request = await db.JoinRequests.SingleAsync(r => r.Id == open[0]);
            request.Status = JoinRequestStatus.Withdrawn;
            await db.SaveChangesAsync();
        });
        Assert.Equal("7 requests", (await staff.GetPageAsync(PortalPaths.StaffJoinRequests)).QuerySelector("#queue-total")!.TextContent.Trim());

        // As if another server withdrew one: this app's SaveChanges never sees it, so the counts catch up within MaxAge.
        await _portal.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"JoinRequests\" SET \"Status\" = 4, \"InQueue\" = 0 WHERE \"Id\" = {open[1]}"));
        Assert.Equal("7 requests", (await staff.GetPageAsync(PortalPaths.StaffJoinRequests)).QuerySelector("#queue-total")!.TextContent.Trim());
        _portal.Clock.Advance(JoinQueueCounts.MaxAge);
        Assert.Equal("6 requests", (await staff.GetPageAsync(PortalPaths.StaffJoinRequests)).QuerySelector("#queue-total")!.TextContent.Trim());
    }

    private static string? ChosenCommunity(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector("#community-name")?.GetAttribute("value");

    [Fact]
    public async Task Get_filters_by_community_status_and_outcome()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var caps = await _portal.CommunityAsync(JoiningTestData.Caps);

        var byCommunity = await staff.GetPageAsync($"/staff/join-requests?community={caps.Id}");
        Assert.Equal(["Sophie Clarke", "Priya Patel"], Applicants(byCommunity));

        var met = await staff.GetPageAsync("/staff/join-requests?outcome=met");
        Assert.Equal(["Grace Adeyemi", "Sophie Clarke", "Priya Patel"], Applicants(met));

        var judgement = await staff.GetPageAsync("/staff/join-requests?outcome=needs-judgement&status=pending");
        Assert.Equal(["Fatima Khan", "Rhys Morgan", "Dr Marcus Reid"], Applicants(judgement));

        var information = await staff.GetPageAsync("/staff/join-requests?status=information-requested");
        Assert.Equal(["Callum Fraser"], Applicants(information));

        var declined = await staff.GetPageAsync("/staff/join-requests?status=declined");
        Assert.Equal(["Megan Lewis"], Applicants(declined));

        var all = await staff.GetPageAsync("/staff/join-requests?status=all");
        Assert.Equal(12, Applicants(all).Count);
    }

    [Fact]
    public async Task Get_queue_issues_the_same_number_of_sql_commands_for_3_rows_as_for_30()
    {
        var counter = new CommandCounter();
        using var counted = _portal.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(counter)));
        var staff = counted.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await staff.AsAsync(DemoData.StaffEmail);
        // One demo request exists for the CPPO community; add 2 for 3 rows, then 27 more for 30.
        var community = await _portal.CommunityAsync("chief-psychological-professions-officers");
        var url = $"/staff/join-requests?community={community.Id}&status=all";

        await AddRequestsAsync(community.Id, 1, 2);
        // A first visit loads the community names for the filter into memory; both counts are of later visits.
        await CountAsync(staff, counter, url);
        var three = await CountAsync(staff, counter, url);
        await AddRequestsAsync(community.Id, 2, 27);
        var thirty = await CountAsync(staff, counter, url);

        Assert.Equal(3, three.Rows);
        Assert.Equal(30, thirty.Rows);
        Assert.True(three.Commands > 0);
        Assert.Equal(three.Commands, thirty.Commands);
    }

    [Fact]
    public async Task Get_pages_long_queues_fifty_rows_at_a_time_keeping_the_filters()
    {
        var community = await _portal.CommunityAsync("chief-psychological-professions-officers");
        await AddRequestsAsync(community.Id, 1, 60);
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);

        var first = await staff.GetPageAsync($"/staff/join-requests?community={community.Id}&status=all");
        Assert.Equal(50, Applicants(first).Count);
        Assert.Equal("61 requests", first.QuerySelector("#queue-total")!.TextContent.Trim());
        var next = first.QuerySelector("a.nhsuk-pagination__link--next")!.GetAttribute("href")!;
        Assert.Equal($"/staff/join-requests?community={community.Id}&status=all&page=2", next);

        var second = await staff.GetPageAsync(next);
        Assert.Equal(11, Applicants(second).Count);
        Assert.NotNull(second.QuerySelector("a.nhsuk-pagination__link--prev"));
        Assert.Null(second.QuerySelector("a.nhsuk-pagination__link--next"));
    }

    private static async Task<(int Rows, int Commands)> CountAsync(HttpClient client, CommandCounter counter, string url)
    {
        counter.Reset();
        var page = await client.GetPageAsync(url);
        return (Applicants(page).Count, counter.Count);
    }

    /// <summary>Adds pending requests straight to the database (fast), spread over several weeks.</summary>
    private Task AddRequestsAsync(int communityId, int batch, int count) =>
        _portal.WithDbAsync(async db =>
        {
            var termsId = await db.TermsVersions.Where(t => t.CommunityId == communityId).Select(t => t.Id).FirstAsync();
            for (var i = 0; i < count; i++)
            {
                var user = new CopPortal.Domain.People.PortalUser
                {
                    UserName = $"load{batch}-{i}@test.nhs.uk",
                    NormalizedUserName = $"LOAD{batch}-{i}@TEST.NHS.UK",
                    Email = $"load{batch}-{i}@test.nhs.uk",
                    NormalizedEmail = $"LOAD{batch}-{i}@TEST.NHS.UK",
                    DisplayName = $"Load {batch}-{i}",
                    SecurityStamp = Guid.NewGuid().ToString(),
                };
                db.Users.Add(user);
                var at = _portal.Clock.GetUtcNow().AddDays(-(i % 20)).AddMinutes(-i);
                db.JoinRequests.Add(new JoinRequest
                {
                    CommunityId = communityId,
                    Applicant = user,
                    TermsVersionId = termsId,
                    SubmittedAt = at,
                    SubmittedWeekOf = CopPortal.Domain.Time.LondonTime.WeekOf(at),
                    PrecheckOutcome = (PrecheckOutcome)(i % 3),
                });
            }
            await db.SaveChangesAsync();
        });

    private static List<string> Applicants(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("table.app-queue-table tbody tr td:first-child").Select(td => td.CellText().Trim()).ToList();
}
