using System.Net;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Security;

/// <summary>
/// An outside probe of the workspaces (meetings, polls, agendas, minutes, actions, library, forum, Triple-A reports,
/// council pages): another CoP's ids under this CoP's slug, made-up handlers and methods, and sign-in cookies
/// replayed after sign-out or after the person lost their role or membership.
/// </summary>
public sealed class WorkspaceAttackTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private const string Slug = DemoData.PractitionersSlug;
    private const string OtherSlug = "clinical-associate-in-psychology";
    private readonly PortalFactory _portal = shared.Fresh();

    private static bool IsPdf(string url) => url.EndsWith(".pdf", StringComparison.Ordinal);

    // ---- Cross-CoP ids ----

    [Fact]
    public async Task Every_workspace_object_asked_for_under_another_communitys_slug_is_not_found()
    {
        var practitioners = await Workspace.CreateAsync(_portal, Slug);
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);

        // Under its own slug each page is there (so the 404s below are the ids, not the pages). PDFs need Chromium.
        foreach (var url in practitioners.ChildPages().Where(u => !IsPdf(u)))
        {
            var own = await staff.GetAsync(url);
            Assert.True(own.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"GET {url} under its own slug gave {(int)own.StatusCode}");
        }
        var wrong = new List<string>();
        foreach (var url in practitioners.ChildPages(OtherSlug))
        {
            var response = await staff.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                wrong.Add($"GET {url}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        Assert.True(wrong.Count == 0, "Another CoP's objects were served under this slug:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task Posting_to_another_communitys_object_under_this_slug_changes_nothing_and_is_not_found()
    {
        var practitioners = await Workspace.CreateAsync(_portal, Slug);
        var other = await Workspace.CreateAsync(_portal, OtherSlug);
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var token = await TokenAsync(staff);
        var before = await CountsAsync();

        (string Url, KeyValuePair<string, string>[] Fields)[] posts =
        [
            // The practitioners' objects under the other CoP's slug.
            (PortalPaths.Action(OtherSlug, practitioners.Action), [new("Input.Status", "Done"), new("Input.Note", "Probe")]),
            (PortalPaths.MeetingPoll(OtherSlug, practitioners.Poll), []),
            (PortalPaths.MeetingPoll(OtherSlug, practitioners.Poll) + "?handler=Pick", [new("optionId", "1")]),
            (PortalPaths.ForumThread(OtherSlug, practitioners.Thread), [new("Input.Body", "Probe reply"), new("Input.AcceptGroundRules", "true")]),
            (PortalPaths.ForumThread(OtherSlug, practitioners.Thread) + "?handler=Lock", []),
            (PortalPaths.ReportForumPost(OtherSlug, practitioners.Post), [new("Input.Reason", "Probe")]),
            (PortalPaths.RemoveForumPost(OtherSlug, practitioners.Post), [new("Input.Reason", "Probe")]),
            (PortalPaths.ForumReport(OtherSlug, practitioners.ForumReport), [new("Input.Outcome", "NoAction")]),
            (PortalPaths.LibraryDocument(OtherSlug, practitioners.Document) + "?handler=Delete", []),
            (PortalPaths.MeetingCancel(OtherSlug, practitioners.Meeting), [new("Input.Reason", "Probe")]),
            (PortalPaths.MeetingAgendaItem(OtherSlug, practitioners.HeldMeeting, practitioners.AgendaItem), [new("Input.Title", "Probe")]),
            // The other CoP's own report, with a point of the practitioners' report.
            (PortalPaths.MeetingReport(OtherSlug, other.ReportMeeting) + "?handler=Share", [new("pointId", Workspace.Id(practitioners.Point)), new("share", "true")]),
            (PortalPaths.MeetingReport(OtherSlug, other.ReportMeeting) + "?handler=Comment", [new("Comment.PointId", Workspace.Id(practitioners.Point)), new("Comment.Body", "Probe")]),
            // The other CoP's meeting, with the practitioners' agenda item.
            (PortalPaths.MeetingAgendaItem(OtherSlug, other.HeldMeeting, practitioners.AgendaItem), [new("Input.Title", "Probe")]),
        ];
        var wrong = new List<string>();
        foreach (var (url, fields) in posts)
        {
            var response = await staff.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields]));
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                wrong.Add($"POST {url}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        Assert.True(wrong.Count == 0, "Posts to another CoP's objects were not refused:\n" + string.Join("\n", wrong));
        Assert.Equal(before, await CountsAsync());
    }

    /// <summary>What any of the posts above would change.</summary>
    private Task<string> CountsAsync() => _portal.WithDbAsync(async db => string.Join(",",
        await db.ForumPosts.CountAsync(),
        await db.ForumPosts.CountAsync(p => p.RemovedAt != null),
        await db.ForumThreads.CountAsync(t => t.IsLocked),
        await db.ForumReports.CountAsync(r => r.ResolvedAt != null),
        await db.ForumReports.CountAsync(),
        await db.Actions.CountAsync(a => a.Status != CopPortal.Domain.Actions.ActionStatus.Open),
        await db.MeetingPollAnswers.CountAsync(),
        await db.Meetings.CountAsync(m => m.Status == CopPortal.Domain.Meetings.MeetingStatus.Cancelled),
        await db.LibraryDocuments.CountAsync(d => d.DeletedAt != null),
        await db.AgendaItems.CountAsync(i => i.Title == "Probe"),
        await db.ReportComments.CountAsync(),
        await db.EscalationPoints.CountAsync(p => p.OutcomeSharedWithMembers)));

    // ---- Unknown handlers and methods ----

    [Fact]
    public async Task Made_up_handlers_and_other_methods_on_every_workspace_page_are_refused_never_a_500()
    {
        var practitioners = await Workspace.CreateAsync(_portal, Slug);
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var token = await TokenAsync(staff);
        var pages = practitioners.ChildPages().Concat(practitioners.ListPages())
            .Concat([PortalPaths.Council, PortalPaths.CouncilEscalations, PortalPaths.CouncilEscalation(practitioners.Point), PortalPaths.CouncilMinutes, PortalPaths.MyNotifications, PortalPaths.StaffReports]);
        var wrong = new List<string>();
        foreach (var page in pages.Where(p => !IsPdf(p)))
        {
            var separator = page.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            foreach (var method in new[] { HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
            {
                using var request = new HttpRequestMessage(method, page) { Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]) };
                var response = await staff.SendAsync(request);
                if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed))
                {
                    wrong.Add($"{method} {page}: {(int)response.StatusCode}");
                }
            }
            var get = await staff.GetAsync(page + separator + "handler=nope");
            var post = await staff.PostAsync(page + separator + "handler=nope", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
            foreach (var (what, response) in new[] { ("GET", get), ("POST", post) })
            {
                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    wrong.Add($"{what} {page}{separator}handler=nope: {(int)response.StatusCode}");
                }
            }
        }
        Assert.True(wrong.Count == 0, "Unexpected answers:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task A_failure_in_a_named_handler_shows_the_error_page_rather_than_a_bare_500()
    {
        // A failed POST to ?handler=Watch is re-run on the error page with the same query; the error page has no
        // such handler, and a 404 there once made the exception handler give up (no page, just a 500).
        using var failing = _portal.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new FailOnRequest()))));
        var client = failing.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.AsAsync(DemoData.MemberEmail);
        var token = await TokenAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, PortalPaths.Forum(Slug) + "?handler=Watch")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add(FailOnRequest.Header, "yes");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("main h1"));
    }

    /// <summary>Fails the page handler of a request that carries <see cref="Header"/> (not the error page's re-run).</summary>
    private sealed class FailOnRequest : Microsoft.AspNetCore.Mvc.Filters.IAsyncPageFilter
    {
        public const string Header = "X-Probe-Fail";

        public Task OnPageHandlerSelectionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) => Task.CompletedTask;

        public Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next) =>
            context.HttpContext.Request.Headers.ContainsKey(Header) && context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is null
                ? throw new InvalidOperationException("The probe's own failure")
                : next();
    }

    // ---- Replayed cookies ----

    [Fact]
    public async Task A_cookie_copied_before_sign_out_opens_no_workspace_page_afterwards()
    {
        var practitioners = await Workspace.CreateAsync(_portal, Slug);
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var cookie = await CookieHeaderAsync(member);
        var pages = MemberPages(practitioners);
        foreach (var url in pages)
        {
            Assert.Equal(HttpStatusCode.OK, (await Replaying(cookie).GetAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitFormAsync(PortalPaths.SignOut, [])).StatusCode);

        foreach (var url in pages)
        {
            var replayed = await Replaying(cookie).GetAsync(url);
            // The challenge's address may be absolute (http://localhost/account/sign-in?...): its path is what matters.
            var location = replayed.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : replayed.Headers.Location?.OriginalString ?? "";
            Assert.True(replayed.StatusCode == HttpStatusCode.Redirect && location.StartsWith(PortalPaths.SignIn + "?ReturnUrl=", StringComparison.Ordinal),
                $"GET {url} with the copied cookie gave {(int)replayed.StatusCode} {replayed.Headers.Location}");
        }
    }

    [Fact]
    public async Task A_cookie_copied_before_the_person_left_the_community_opens_none_of_its_workspaces()
    {
        var practitioners = await Workspace.CreateAsync(_portal, Slug);
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var cookie = await CookieHeaderAsync(member);
        var pages = MemberPages(practitioners);
        Assert.Equal(HttpStatusCode.OK, (await Replaying(cookie).GetAsync(pages[0])).StatusCode);

        await _portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<CopDbContext>();
            var community = await db.Communities.SingleAsync(c => c.Slug == Slug);
            var userId = await db.Users.Where(u => u.Email == DemoData.MemberEmail).Select(u => u.Id).SingleAsync();
            await db.InTransactionAsync(async () =>
            {
                Assert.True(await services.GetRequiredService<MembershipService>().RemoveAsync(community, userId));
                await db.SaveChangesAsync();
            });
        });

        foreach (var url in pages)
        {
            ForumTestDataDenied(await Replaying(cookie).GetAsync(url), url);
        }
    }

    [Fact]
    public async Task A_cookie_copied_before_the_secretary_stood_down_opens_no_core_team_page()
    {
        var practitioners = await Workspace.CreateAsync(_portal, Slug);
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        var cookie = await CookieHeaderAsync(secretary);
        string[] coreTeamPages =
        [
            PortalPaths.MeetingCreate(Slug),
            PortalPaths.MeetingEdit(Slug, practitioners.Meeting),
            PortalPaths.MeetingGuests(Slug, practitioners.Meeting),
            PortalPaths.MeetingAttendance(Slug, practitioners.HeldMeeting),
            PortalPaths.NewMeetingPoll(Slug),
            PortalPaths.MeetingAgendaItem(Slug, practitioners.HeldMeeting, practitioners.AgendaItem),
            PortalPaths.MeetingReport(Slug, practitioners.ReportMeeting),
            PortalPaths.ActionAdd(Slug),
            PortalPaths.ForumReports(Slug),
            PortalPaths.ForumReport(Slug, practitioners.ForumReport),
            PortalPaths.RemoveForumPost(Slug, practitioners.Post),
        ];
        foreach (var url in coreTeamPages)
        {
            Assert.Equal(HttpStatusCode.OK, (await Replaying(cookie).GetAsync(url)).StatusCode);
        }

        await _portal.WithDbAsync(async db =>
        {
            var membership = await db.Memberships.SingleAsync(m => m.Community!.Slug == Slug && m.User!.Email == DemoData.SecretaryEmail);
            membership.Role = CommunityRole.Member;
            await db.SaveChangesAsync();
        });

        foreach (var url in coreTeamPages)
        {
            ForumTestDataDenied(await Replaying(cookie).GetAsync(url), url);
        }
        // Still a member: the members' pages still open.
        Assert.Equal(HttpStatusCode.OK, (await Replaying(cookie).GetAsync(PortalPaths.Meetings(Slug))).StatusCode);
    }

    [Fact]
    public async Task A_cookie_copied_before_the_council_role_was_removed_opens_no_council_page()
    {
        var practitioners = await Workspace.CreateAsync(_portal, Slug);
        var council = await _portal.SignedInClientAsync(DemoData.CouncilEmail);
        var cookie = await CookieHeaderAsync(council);
        string[] pages = [PortalPaths.Council, PortalPaths.CouncilEscalations, PortalPaths.CouncilEscalation(practitioners.Point), PortalPaths.CouncilMinutes];
        foreach (var url in pages)
        {
            Assert.Equal(HttpStatusCode.OK, (await Replaying(cookie).GetAsync(url)).StatusCode);
        }

        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var councilId = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.CouncilEmail).Select(u => u.Id).SingleAsync());
        var removed = await staff.SubmitFormAsync(PortalPaths.StaffPerson(councilId), [], $"form[data-role='{CopPortal.Domain.People.NetworkRoles.CouncilMember}']");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);

        foreach (var url in pages)
        {
            var replayed = await Replaying(cookie).GetAsync(url);
            Assert.True(replayed.StatusCode != HttpStatusCode.OK, $"GET {url} with the copied council cookie still gave 200");
        }
    }

    /// <summary>Pages a member sees, each showing one of the CoP's objects or a list of them.</summary>
    private static List<string> MemberPages(Workspace w) =>
    [
        PortalPaths.Meetings(w.Slug),
        PortalPaths.Meeting(w.Slug, w.Meeting),
        PortalPaths.MeetingIcs(w.Slug, w.Meeting),
        PortalPaths.MeetingPolls(w.Slug),
        PortalPaths.MeetingPoll(w.Slug, w.Poll),
        PortalPaths.MeetingAgenda(w.Slug, w.HeldMeeting),
        PortalPaths.MeetingMinutes(w.Slug, w.HeldMeeting),
        PortalPaths.MeetingMinutesRevision(w.Slug, w.HeldMeeting, 1),
        PortalPaths.Library(w.Slug),
        PortalPaths.LibraryFolder(w.Slug, w.Folder),
        PortalPaths.LibraryDocument(w.Slug, w.Document),
        PortalPaths.LibraryDownload(w.Slug, w.Document, 1),
        PortalPaths.Actions(w.Slug),
        PortalPaths.Action(w.Slug, w.Action),
        PortalPaths.Forum(w.Slug),
        PortalPaths.ForumThread(w.Slug, w.Thread),
        PortalPaths.NewForumThread(w.Slug),
        PortalPaths.ReportForumPost(w.Slug, w.Post),
    ];

    private static void ForumTestDataDenied(HttpResponseMessage response, string url) =>
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains(PortalPaths.AccessDenied, StringComparison.Ordinal)),
            $"GET {url}: expected access denied, got {(int)response.StatusCode} {response.Headers.Location}");

    private HttpClient Replaying(string cookie)
    {
        var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>The Cookie header the client sends, as an attacker who copied it would replay it.</summary>
    private static async Task<string> CookieHeaderAsync(HttpClient client)
    {
        var probe = await client.GetAsync(PortalPaths.Profile);
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        var sent = probe.RequestMessage!.Headers.TryGetValues("Cookie", out var values) ? string.Join("; ", values) : "";
        Assert.Contains("copportal.auth=", sent, StringComparison.Ordinal);
        return sent;
    }

    private static async Task<string> TokenAsync(HttpClient client) =>
        (await client.GetPageAsync(PortalPaths.ChangePassword)).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
}
