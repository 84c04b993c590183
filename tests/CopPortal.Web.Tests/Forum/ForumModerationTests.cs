using System.Net;
using CopPortal.Domain.Forum;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using static CopPortal.Web.Tests.Forum.ForumTestData;

namespace CopPortal.Web.Tests.Forum;

public sealed class ForumModerationTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private static string EditUrl(int postId) => $"{ForumUrl}/posts/{postId}/edit";
    private static string RemoveUrl(int postId) => $"{ForumUrl}/posts/{postId}/remove";
    private static string ReportUrl(int postId) => $"{ForumUrl}/posts/{postId}/report";

    [Fact]
    public async Task Authors_edit_freely_for_30_minutes_then_the_post_is_marked_edited()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var id = await StartThreadAsync(member, _portal, "Edits", "Frist try.");
        var postId = await LastPostIdAsync(_portal, id);

        _portal.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitFormAsync(EditUrl(postId), Html.Form(("Input.Body", "First try.")))).StatusCode);
        var page = await member.GetPageAsync(ThreadUrl(id));
        Assert.Contains("First try.", page.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Edited", page.QuerySelector(".app-forum-post")!.TextContent, StringComparison.Ordinal);

        _portal.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitFormAsync(EditUrl(postId), Html.Form(("Input.Body", "First try, again.")))).StatusCode);
        page = await member.GetPageAsync(ThreadUrl(id));
        Assert.Contains("Edited on", page.QuerySelector(".app-forum-post")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("moderator", page.QuerySelector(".app-forum-post")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_cannot_edit_or_remove_others_posts_and_moderators_edit_with_a_reason()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var id = await StartThreadAsync(member, _portal, "Moderated", "Call Dr Smith on 0123.");
        var postId = await LastPostIdAsync(_portal, id);
        var secretaryStartsIn = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        // The secretary is core team: a moderator. A crowd member of the same CoP is not.
        var crowd = await _portal.WithDbAsync(db => db.Memberships
            .Where(m => m.Community!.Slug == Slug && m.Role == CopPortal.Domain.Communities.CommunityRole.Member && m.User!.Email != DemoData.MemberEmail)
            .Select(m => m.User!.Email!).OrderBy(e => e).FirstAsync());
        var other = await _portal.SignedInClientAsync(crowd);
        AssertDenied(await other.GetAsync(EditUrl(postId)));
        AssertDenied(await other.GetAsync(RemoveUrl(postId)));
        Assert.Null((await other.GetPageAsync(ThreadUrl(id))).QuerySelector($"a[href='{EditUrl(postId)}']"));

        var refused = await secretaryStartsIn.SubmitFormAsync(EditUrl(postId), Html.Form(("Input.Body", "Call the practice.")));
        Assert.Equal(["Enter the reason for your edit"], (await Html.ParseAsync(refused)).ErrorSummary());
        var saved = await secretaryStartsIn.SubmitFormAsync(EditUrl(postId), Html.Form(("Input.Body", "Call the practice."), ("Input.Reason", "Removed a colleague's name")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var text = (await member.GetPageAsync(ThreadUrl(id))).MainText();
        Assert.Contains("Edited by a moderator on", text, StringComparison.Ordinal);
        Assert.Contains("Removed a colleague's name", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Dr Smith", text, StringComparison.Ordinal);
        // The old text is in the audit trail only.
        Assert.True(await _portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ForumPost) && a.EntityId == postId.ToString() && a.Action == "Modified")));
    }

    [Fact]
    public async Task A_moderator_removes_a_post_with_a_reason_and_its_text_is_never_shown_or_found()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var id = await StartThreadAsync(member, _portal, "Removal", "Opening post.");
        await ReplyAsync(member, id, "Something about xylophones that breaks the rules.");
        var postId = await LastPostIdAsync(_portal, id);
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        Assert.Equal(1, (await chair.GetPageAsync(ForumUrl + "?q=xylophones")).QuerySelectorAll(".app-result-list li").Length);

        var refused = await chair.SubmitFormAsync(RemoveUrl(postId), Html.Form(("Input.Reason", "")));
        Assert.Equal(["Enter the reason"], (await Html.ParseAsync(refused)).ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitFormAsync(RemoveUrl(postId), Html.Form(("Input.Reason", "It named a patient")))).StatusCode);

        var page = await member.GetPageAsync(ThreadUrl(id));
        Assert.Contains("Removed by a moderator: It named a patient", page.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("xylophones", page.Source.Text, StringComparison.Ordinal);
        Assert.Empty((await chair.GetPageAsync(ForumUrl + "?q=xylophones")).QuerySelectorAll(".app-result-list li"));
        Assert.Equal(0, await _portal.WithDbAsync(db => db.ForumSearchTerms.CountAsync(t => t.PostId == postId)));
        // Kept for the audit, and its author is told.
        Assert.Contains("xylophones", await _portal.WithDbAsync(db => db.ForumPosts.Where(p => p.Id == postId).Select(p => p.Body).SingleAsync()), StringComparison.Ordinal);
        var told = Assert.Single(await _portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == "forum.moderation").ToListAsync()));
        Assert.Equal(DemoData.MemberEmail, told.ToAddress);
        Assert.Contains("It named a patient", told.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("xylophones", told.TextBody, StringComparison.Ordinal);
        // A removed post cannot be quoted, edited or reported.
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(EditUrl(postId))).StatusCode);
        Assert.DoesNotContain("xylophones", (await chair.GetPageAsync($"{ThreadUrl(id)}?quote={postId}")).Source.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_locked_thread_takes_no_replies_until_unlocked_and_members_cannot_lock()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var id = await StartThreadAsync(member, _portal, "Locking", "Start.");
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var memberPage = await member.GetPageAsync(ThreadUrl(id));
        Assert.Null(memberPage.QuerySelector("form[action*='handler=Lock']"));
        var token = memberPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var memberLock = await member.PostAsync(ThreadUrl(id) + "?handler=Lock", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        AssertDenied(memberLock);

        // The member opened the reply form before the chair locked the thread.
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)memberPage.QuerySelector("#reply-form")!;
        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitFormAsync(ThreadUrl(id), [], "form[action*='handler=Lock']")).StatusCode);
        var refused = await member.PostFormAsync(form, Html.Form(("Input.Body", "Too late")), ThreadUrl(id));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.Equal(["This thread is locked, so it takes no new replies. Your reply has not been posted."], page.ErrorSummary());
        Assert.Null(page.QuerySelector("#reply-form"));
        Assert.Equal(1, await _portal.WithDbAsync(db => db.ForumPosts.CountAsync(p => p.ThreadId == id)));

        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitFormAsync(ThreadUrl(id), [], "form[action*='handler=Unlock']")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ReplyAsync(member, id, "Now it works")).StatusCode);
    }

    [Fact]
    public async Task A_report_queues_for_the_core_team_and_staff_and_resolving_it_tells_the_author()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var id = await StartThreadAsync(member, _portal, "Reported thread", "A post someone dislikes.");
        var postId = await LastPostIdAsync(_portal, id);
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        var refused = await secretary.SubmitFormAsync(ReportUrl(postId), Html.Form(("Input.Reason", "")));
        Assert.Equal(["Enter the reason"], (await Html.ParseAsync(refused)).ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(ReportUrl(postId), Html.Form(("Input.Reason", "It advertises a course")))).StatusCode);

        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var queue = await chair.GetPageAsync(ForumUrl + "/reports");
        Assert.Contains("It advertises a course", queue.MainText(), StringComparison.Ordinal);
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var staffQueue = await staff.GetPageAsync("/staff/reports");
        Assert.Contains("It advertises a course", staffQueue.MainText(), StringComparison.Ordinal);
        AssertDenied(await member.GetAsync(ForumUrl + "/reports"));

        var reportId = await _portal.WithDbAsync(db => db.ForumReports.Where(r => r.PostId == postId).Select(r => r.Id).SingleAsync());
        var reportUrl = $"{ForumUrl}/reports/{reportId}";
        var noChoice = await chair.SubmitFormAsync(reportUrl, []);
        Assert.Equal(["Select what you did about the post"], (await Html.ParseAsync(noChoice)).ErrorSummary());
        var noReason = await chair.SubmitFormAsync(reportUrl, Html.Form(("Input.Outcome", "PostRemoved")));
        Assert.Equal(["Enter the reason for removing the post: its author sees it"], (await Html.ParseAsync(noReason)).ErrorSummary());
        Assert.Null(await _portal.WithDbAsync(db => db.ForumReports.Where(r => r.Id == reportId).Select(r => r.ResolvedAt).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitFormAsync(reportUrl, Html.Form(("Input.Outcome", "PostRemoved"), ("Input.Note", "Advertising is not allowed")))).StatusCode);
        var report = await _portal.WithDbAsync(db => db.ForumReports.Include(r => r.Post).SingleAsync(r => r.Id == reportId));
        Assert.Equal(ForumReportOutcome.PostRemoved, report.Outcome);
        Assert.NotNull(report.ResolvedAt);
        Assert.Equal("Advertising is not allowed", report.Post!.RemovedReason);
        var told = Assert.Single(await _portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == "forum.moderation").ToListAsync()));
        Assert.Equal(DemoData.MemberEmail, told.ToAddress);
        Assert.Contains("The post has been removed.", told.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Tomasz", told.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("It advertises a course", (await staff.GetPageAsync("/staff/reports")).MainText(), StringComparison.Ordinal);
        Assert.True(await _portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ForumReport) && a.EntityId == reportId.ToString() && a.Action == "Modified")));
    }
}
