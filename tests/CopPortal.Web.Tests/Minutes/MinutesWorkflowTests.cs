using System.Net;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.Minutes;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CopPortal.Web.Tests.Minutes.MinutesTestData;

namespace CopPortal.Web.Tests.Minutes;

public sealed class MinutesWorkflowTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    /// <summary>A held meeting with a formal agenda and minutes started from it by the secretary.</summary>
    private async Task<(int MeetingId, HttpClient Secretary)> StartedMinutesAsync()
    {
        var meetingId = await MeetingAsync(_portal, HeldAt);
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        var templateId = await _portal.WithDbAsync(db => db.AgendaTemplates.Where(t => t.Name == AgendaTemplates.Formal).Select(t => t.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(AgendaUrl(meetingId), Html.Form(("TemplateId", templateId.ToString(System.Globalization.CultureInfo.InvariantCulture))), Form("Start"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(MinutesUrl(meetingId), [], Form("Start"))).StatusCode);
        return (meetingId, secretary);
    }

    private Task<MeetingMinutes> LatestAsync(int meetingId) =>
        _portal.WithDbAsync(db => db.MeetingMinutes.AsNoTracking().Include(m => m.Items).Where(m => m.MeetingId == meetingId).OrderByDescending(m => m.Revision).FirstAsync());

    /// <summary>A valid antiforgery token for this client's user (from a form every signed-in person has).</summary>
    private static async Task<string> TokenAsync(HttpClient client) =>
        (await client.GetPageAsync("/account/profile")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static Task<HttpResponseMessage> SubmitDraftAsync(HttpClient client, int meetingId, params (string Key, string Value)[] fields) =>
        PressAsync(client, MinutesUrl(meetingId), "#draft-form", "Submit", fields);

    [Fact]
    public async Task Matters_arising_in_the_minutes_lists_the_soonest_due_on_screen_and_every_one_in_print()
    {
        var earlier = await MeetingAsync(_portal, HeldAt.AddDays(-30), title: "Summer meeting", attendance: false);
        const int many = CopPortal.Web.Pages.Communities.Meetings.MinutesPageBase.MattersArisingShown + 4;
        for (var i = 0; i < many; i++)
        {
            await ActionAsync(_portal, earlier, $"Minuted action {i:00}", due: new DateOnly(2020, 2, 1).AddDays(i));
        }
        var (meetingId, secretary) = await StartedMinutesAsync();

        var page = await secretary.GetPageAsync(MinutesUrl(meetingId));
        var shown = page.QuerySelectorAll(".app-matters-arising li").Select(li => li.TextContent).ToList();
        Assert.Equal(CopPortal.Web.Pages.Communities.Meetings.MinutesPageBase.MattersArisingShown, shown.Count);
        Assert.StartsWith("Minuted action 00", shown[0], StringComparison.Ordinal);
        var print = await secretary.GetPageAsync(MinutesUrl(meetingId) + "?print=true");
        var all = print.QuerySelectorAll(".app-matters-arising li").Select(li => li.TextContent).ToList();
        Assert.True(all.Count >= many, $"The print view lists {all.Count} open actions");
        Assert.Contains(all, li => li.StartsWith($"Minuted action {many - 1:00}", StringComparison.Ordinal));
        Assert.Null(print.QuerySelector(".app-matters-arising-more"));
        var more = page.QuerySelector(".app-matters-arising-more")!;
        Assert.Contains($"of {all.Count} open actions", more.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/communities/{Slug}/actions", more.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Minutes_follow_the_agenda_and_their_header_comes_from_the_meeting_and_its_attendance()
    {
        var (meetingId, secretary) = await StartedMinutesAsync();
        var minutes = await LatestAsync(meetingId);
        Assert.Equal(AgendaTemplates.All().First().Items.Select(i => i.Title), minutes.Items.OrderBy(i => i.Position).Select(i => i.Title));
        Assert.Equal(MinutesStatus.Draft, minutes.Status);

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitDraftAsync(secretary, meetingId, ("Draft.Items[0].KeyPoints", "Welcome from the chair."))).StatusCode);
        var header = (await secretary.GetPageAsync(MinutesUrl(meetingId))).QuerySelectorAll(".app-minutes-header tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelector("td")!.TextContent.Trim());
        Assert.Equal("10 November 2026 at 2pm to 16:00", header["Date and time"]);
        Assert.Equal("Online", header["How it was held"]);
        Assert.Equal(await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.ChairEmail).Select(u => u.DisplayName).FirstAsync()), header["Chaired by"]);
        Assert.Contains(await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.SecretaryEmail).Select(u => u.DisplayName).FirstAsync()), header["Attendees"], StringComparison.Ordinal);
        Assert.Equal(await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.MemberEmail).Select(u => u.DisplayName).FirstAsync()), header["Apologies"]);
        Assert.Equal("Gita Guestspeaker", header["Guests"]);
    }

    [Fact]
    public async Task Minutes_cannot_be_started_before_the_meeting()
    {
        var meetingId = await MeetingAsync(_portal, new DateTimeOffset(2026, 12, 10, 14, 0, 0, TimeSpan.Zero));
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        Assert.Null((await secretary.GetPageAsync(MinutesUrl(meetingId))).QuerySelector(Form("Start")));
        var response = await secretary.PostAsync(MinutesUrl(meetingId) + "?handler=Start", new FormUrlEncodedContent([new("__RequestVerificationToken", await TokenAsync(secretary))]));
        Assert.Equal(["Minutes can be written once the meeting has started"], (await Html.ParseAsync(response)).ErrorSummary());
        Assert.Equal(0, await _portal.WithDbAsync(db => db.MeetingMinutes.CountAsync(m => m.MeetingId == meetingId)));
    }

    [Fact]
    public async Task Full_workflow_by_role_member_and_another_cops_chair_cannot_approve_chair_returns_secretary_resubmits_chair_approves_then_published_is_read_only()
    {
        var (meetingId, secretary) = await StartedMinutesAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitDraftAsync(secretary, meetingId, ("Draft.Items[4].KeyPoints", "Discussed supervision."), ("Draft.Items[4].Decisions", "Run a survey."))).StatusCode);
        Assert.Equal(MinutesStatus.Submitted, (await LatestAsync(meetingId)).Status);

        // The approve form is not offered to the secretary, and a member's or another CoP's chair's post is refused.
        var page = await secretary.GetPageAsync(MinutesUrl(meetingId));
        Assert.Null(page.QuerySelector(Form("Approve")));
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var chairPage = await chair.GetPageAsync(MinutesUrl(meetingId));
        Assert.NotNull(chairPage.QuerySelector(Form("Approve")));
        foreach (var email in new[] { DemoData.MemberEmail, DemoData.SecretaryEmail, await ChairOfAnotherCommunityAsync(_portal) })
        {
            var other = await _portal.SignedInClientAsync(email);
            var refused = await other.PostAsync(MinutesUrl(meetingId) + "?handler=Approve", new FormUrlEncodedContent([new("__RequestVerificationToken", await TokenAsync(other))]));
            Assert.True(refused.StatusCode is HttpStatusCode.Forbidden || refused.Headers.Location?.OriginalString.Contains("access-denied", StringComparison.Ordinal) == true, $"{email}: {refused.StatusCode}");
        }
        Assert.Equal(MinutesStatus.Submitted, (await LatestAsync(meetingId)).Status);

        // Returning needs a comment.
        var noComment = await chair.SubmitFormAsync(MinutesUrl(meetingId), Html.Form(("ReturnComment", " ")), Form("Return"));
        var noCommentPage = await Html.ParseAsync(noComment);
        Assert.Equal(["Enter what needs to change before you can approve the minutes"], noCommentPage.ErrorSummary());
        Assert.StartsWith("Error: ", noCommentPage.Title, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitFormAsync(MinutesUrl(meetingId), Html.Form(("ReturnComment", "Please add who will run the survey.")), Form("Return"))).StatusCode);
        var returned = await LatestAsync(meetingId);
        Assert.Equal(MinutesStatus.Returned, returned.Status);
        Assert.Contains("Please add who will run the survey.", (await secretary.GetPageAsync(MinutesUrl(meetingId))).QuerySelector("#return-comment")!.TextContent, StringComparison.Ordinal);

        // The secretary edits and resubmits; the chair approves, with name and time recorded.
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitDraftAsync(secretary, meetingId, ("Draft.Items[4].Decisions", "Run a survey; Sam to lead."))).StatusCode);
        Assert.Equal(MinutesStatus.Submitted, (await LatestAsync(meetingId)).Status);
        _portal.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitFormAsync(MinutesUrl(meetingId), [], Form("Approve"))).StatusCode);
        var approved = await LatestAsync(meetingId);
        var chairName = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.ChairEmail).Select(u => u.DisplayName).FirstAsync());
        Assert.Equal(MinutesStatus.Approved, approved.Status);
        Assert.Equal(chairName, approved.ApprovedByName);
        Assert.Equal(_portal.Clock.GetUtcNow(), approved.ApprovedAt);
        Assert.Contains($"Approved by {chairName} (chair) on", (await secretary.GetPageAsync(MinutesUrl(meetingId))).MainText(), StringComparison.Ordinal);

        // Approved minutes are read-only: no draft form, and a stale form's post is refused without changing them.
        Assert.Null((await secretary.GetPageAsync(MinutesUrl(meetingId))).QuerySelector("#draft-form"));
        var stale = await secretary.PostAsync(MinutesUrl(meetingId) + "?handler=Save", new FormUrlEncodedContent([
            new("__RequestVerificationToken", await TokenAsync(secretary)),
            new("Draft.Stamp", approved.ConcurrencyStamp.ToString()), new("Draft.Items[0].Id", approved.Items.OrderBy(i => i.Position).First().Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Draft.Items[0].KeyPoints", "Rewritten after approval")]));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("cannot be edited now", string.Join(" ", (await Html.ParseAsync(stale)).ErrorSummary()), StringComparison.Ordinal);
        Assert.DoesNotContain((await LatestAsync(meetingId)).Items, i => i.KeyPoints == "Rewritten after approval");

        // Members see nothing until published; publishing emails every member with the minutes topic.
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        Assert.Contains("have not been published yet", (await member.GetPageAsync(MinutesUrl(meetingId))).MainText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(MinutesUrl(meetingId), [], Form("Publish"))).StatusCode);
        Assert.Equal(MinutesStatus.Published, (await LatestAsync(meetingId)).Status);
        var memberText = (await member.GetPageAsync(MinutesUrl(meetingId))).MainText();
        Assert.Contains("Run a survey; Sam to lead.", memberText, StringComparison.Ordinal);
        Assert.Null((await member.GetPageAsync(MinutesUrl(meetingId))).QuerySelector("#draft-form"));
        var emails = (await _portal.OutboxAsync()).Where(m => m.Kind == "minutes.published").ToList();
        Assert.Equal(await _portal.WithDbAsync(db => db.Memberships.CountAsync(m => m.Community!.Slug == Slug)), emails.Count);
        Assert.All(emails, e => Assert.Equal(EmailTopic.MinutesAndAgendas, e.Topic));
        Assert.Contains($"/communities/{Slug}/meetings/{meetingId}/minutes", emails.Single(e => e.ToAddress == DemoData.MemberEmail).TextBody, StringComparison.Ordinal);

        // The whole journey is in the audit trail.
        var audited = await _portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType.Contains("MeetingMinutes")));
        Assert.True(audited >= 6, $"{audited} audit entries");
    }

    [Fact]
    public async Task A_second_editors_stale_save_is_refused_showing_both_texts_and_nothing_is_lost()
    {
        var (meetingId, secretary) = await StartedMinutesAsync();
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        // Both open the draft form; the chair saves first.
        var secretaryPage = await secretary.GetPageAsync(MinutesUrl(meetingId));
        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitFormAsync(MinutesUrl(meetingId), Html.Form(("Draft.Items[4].KeyPoints", "Chair's account of the discussion.")), "#draft-form")).StatusCode);

        var form = (AngleSharp.Html.Dom.IHtmlFormElement)secretaryPage.QuerySelector("#draft-form")!;
        var response = await secretary.PostFormAsync(form, Html.Form(("Draft.Items[4].KeyPoints", "Secretary's notes of the discussion.")), MinutesUrl(meetingId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Contains("saved these minutes", page.ErrorSummary().Single(), StringComparison.Ordinal);
        var conflict = page.QuerySelectorAll(".app-conflicts tbody tr").Single();
        Assert.Contains("Main item: key points", conflict.QuerySelector("th")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Secretary's notes of the discussion.", "Chair's account of the discussion."], conflict.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        // Their own text is still in the form, and the database still holds the chair's.
        Assert.Equal("Secretary's notes of the discussion.", page.QuerySelector("textarea[name='Draft.Items[4].KeyPoints']")!.TextContent.Trim());
        Assert.Equal("Chair's account of the discussion.", (await LatestAsync(meetingId)).Items.Single(i => i.Position == 5).KeyPoints);

        // Saving again from the refreshed form is a deliberate choice and wins.
        var again = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#draft-form")!;
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.PostFormAsync(again, [], MinutesUrl(meetingId))).StatusCode);
        Assert.Equal("Secretary's notes of the discussion.", (await LatestAsync(meetingId)).Items.Single(i => i.Position == 5).KeyPoints);
    }

    [Fact]
    public async Task Actions_are_saved_with_the_meeting_and_an_owner_who_is_a_member_or_a_named_person()
    {
        var (meetingId, secretary) = await StartedMinutesAsync();
        var memberId = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.MemberEmail).Select(u => u.Id).FirstAsync());
        var missing = await secretary.SubmitFormAsync(MinutesUrl(meetingId), Html.Form(("NewAction.Description", "Book a room")), "#action-form");
        Assert.Equal(["Choose the member who owns the action, or enter the name of the person who does", "Enter the date the action is due"], (await Html.ParseAsync(missing)).ErrorSummary());

        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(MinutesUrl(meetingId), Html.Form(("NewAction.Description", "Run the supervision survey"), ("NewAction.OwnerUserId", memberId), ("NewAction.DueOn.Day", "15"), ("NewAction.DueOn.Month", "1"), ("NewAction.DueOn.Year", "2027")), "#action-form")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(MinutesUrl(meetingId), Html.Form(("NewAction.Description", "Send slides"), ("NewAction.OwnerName", "Gita Guestspeaker"), ("NewAction.DueOn.Day", "1"), ("NewAction.DueOn.Month", "12"), ("NewAction.DueOn.Year", "2026")), "#action-form")).StatusCode);
        var outsider = await _portal.CreateUserAsync("not.a.member@nhs.net", "Nora Nonmember");
        var refused = await secretary.SubmitFormAsync(MinutesUrl(meetingId), Html.Form(("NewAction.Description", "Sneaky"), ("NewAction.OwnerUserId", outsider.Id), ("NewAction.DueOn.Day", "1"), ("NewAction.DueOn.Month", "12"), ("NewAction.DueOn.Year", "2026")), "#action-form");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);

        var actions = await _portal.WithDbAsync(db => db.Actions.AsNoTracking().Where(a => a.MeetingId == meetingId).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(2, actions.Count);
        Assert.Equal(memberId, actions[0].OwnerUserId);
        Assert.Equal(new DateOnly(2027, 1, 15), actions[0].DueOn);
        Assert.Null(actions[1].OwnerUserId);
        Assert.Equal("Gita Guestspeaker", actions[1].OwnerName);
        var rows = (await secretary.GetPageAsync(MinutesUrl(meetingId))).QuerySelectorAll(".app-action-list li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task A_correction_makes_a_new_revision_with_a_reason_and_keeps_the_old_one_viewable()
    {
        var (meetingId, secretary) = await StartedMinutesAsync();
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        await SubmitDraftAsync(secretary, meetingId, ("Draft.Items[4].KeyPoints", "Twelve people attended the pilot."));
        await chair.SubmitFormAsync(MinutesUrl(meetingId), [], Form("Approve"));
        await secretary.SubmitFormAsync(MinutesUrl(meetingId), [], Form("Publish"));

        var noReason = await secretary.SubmitFormAsync(MinutesUrl(meetingId), Html.Form(("CorrectionReason", "")), Form("Correct"));
        Assert.Equal(["Enter why the minutes need correcting"], (await Html.ParseAsync(noReason)).ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(MinutesUrl(meetingId), Html.Form(("CorrectionReason", "The pilot had twenty people, not twelve.")), Form("Correct"))).StatusCode);
        var revisions = await _portal.WithDbAsync(db => db.MeetingMinutes.AsNoTracking().Include(m => m.Items).Where(m => m.MeetingId == meetingId).OrderBy(m => m.Revision).ToListAsync());
        Assert.Equal([1, 2], revisions.Select(r => r.Revision));
        Assert.Equal(MinutesStatus.Published, revisions[0].Status);
        Assert.NotNull(revisions[0].SupersededAt);
        Assert.Equal(MinutesStatus.Draft, revisions[1].Status);
        Assert.Equal("The pilot had twenty people, not twelve.", revisions[1].CorrectionReason);
        Assert.Equal("Twelve people attended the pilot.", revisions[1].Items.Single(i => i.Position == 5).KeyPoints);

        await SubmitDraftAsync(secretary, meetingId, ("Draft.Items[4].KeyPoints", "Twenty people attended the pilot."));
        // Members still read revision 1 while the correction waits for approval.
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        Assert.Contains("Twelve people attended the pilot.", (await member.GetPageAsync(MinutesUrl(meetingId))).MainText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(MinutesUrl(meetingId) + "/revisions/2")).StatusCode);

        await chair.SubmitFormAsync(MinutesUrl(meetingId), [], Form("Approve"));
        await secretary.SubmitFormAsync(MinutesUrl(meetingId), [], Form("Publish"));
        var current = await member.GetPageAsync(MinutesUrl(meetingId));
        Assert.Contains("Twenty people attended the pilot.", current.MainText(), StringComparison.Ordinal);
        Assert.Contains("corrected because The pilot had twenty people, not twelve.", current.MainText(), StringComparison.Ordinal);
        Assert.NotNull(current.QuerySelector($"#revisions a[href='{MinutesUrl(meetingId)}/revisions/1']"));
        var old = await member.GetPageAsync(MinutesUrl(meetingId) + "/revisions/1");
        Assert.Contains("Twelve people attended the pilot.", old.MainText(), StringComparison.Ordinal);
        Assert.Contains("It was replaced by a corrected revision", old.MainText(), StringComparison.Ordinal);
        Assert.Contains(await _portal.OutboxAsync(), m => m.Kind == "minutes.published" && m.ToAddress == DemoData.MemberEmail && m.Subject.Contains("(corrected: revision 2)", StringComparison.Ordinal));

        // Two published revisions are one document in the library: its folder count agrees with its list.
        await _portal.WithServicesAsync(async services =>
        {
            var documents = services.GetRequiredService<CopPortal.Domain.Library.IPublishedMeetingDocuments>();
            var communityId = await services.GetRequiredService<CopPortal.Domain.Data.CopDbContext>().Communities.Where(c => c.Slug == Slug).Select(c => c.Id).FirstAsync();
            Assert.Equal((await documents.ForCommunityAsync(communityId)).Count, await documents.CountForCommunityAsync(communityId));
        });
    }

    [Fact]
    public async Task Shared_minutes_are_listed_and_readable_for_the_council_and_unshared_ones_are_not()
    {
        var (meetingId, secretary) = await StartedMinutesAsync();
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        await SubmitDraftAsync(secretary, meetingId, ("Draft.Items[4].KeyPoints", "Council-worthy discussion."));
        await chair.SubmitFormAsync(MinutesUrl(meetingId), [], Form("Approve"));
        await secretary.SubmitFormAsync(MinutesUrl(meetingId), [], Form("Publish"));
        var id = (await LatestAsync(meetingId)).Id;

        var council = await _portal.SignedInClientAsync(DemoData.CouncilEmail);
        Assert.Null((await council.GetPageAsync("/council/minutes")).QuerySelector($"main a[href='/council/minutes/{id}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await council.GetAsync($"/council/minutes/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(MinutesUrl(meetingId), [], Form("Share"))).StatusCode);
        var list = await council.GetPageAsync("/council/minutes");
        Assert.NotNull(list.QuerySelector($"main a[href='/council/minutes/{id}']"));
        Assert.Contains("Council-worthy discussion.", (await council.GetPageAsync($"/council/minutes/{id}")).MainText(), StringComparison.Ordinal);
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var denied = await member.GetAsync("/council/minutes");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
    }

    [Fact]
    public async Task The_library_lists_published_agendas_and_minutes_only()
    {
        var (meetingId, secretary) = await StartedMinutesAsync();
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        async Task<IReadOnlyList<CopPortal.Domain.Library.PublishedMeetingDocument>> ListAsync()
        {
            IReadOnlyList<CopPortal.Domain.Library.PublishedMeetingDocument> result = [];
            await _portal.WithServicesAsync(async services =>
            {
                var db = services.GetRequiredService<CopPortal.Domain.Data.CopDbContext>();
                var communityId = await db.Communities.Where(c => c.Slug == Slug).Select(c => c.Id).FirstAsync();
                result = await services.GetRequiredService<CopPortal.Domain.Library.IPublishedMeetingDocuments>().ForCommunityAsync(communityId);
            });
            // The demo's published agendas and minutes are listed too: look at this meeting's.
            return result.Where(d => d.MeetingId == meetingId).ToList();
        }
        Assert.Empty(await ListAsync());
        await secretary.SubmitFormAsync(AgendaUrl(meetingId), [], Form("Publish"));
        await SubmitDraftAsync(secretary, meetingId);
        await chair.SubmitFormAsync(MinutesUrl(meetingId), [], Form("Approve"));
        Assert.Equal(["Agenda"], (await ListAsync()).Select(d => d.Kind));
        await secretary.SubmitFormAsync(MinutesUrl(meetingId), [], Form("Publish"));
        var listed = await ListAsync();
        Assert.Equal(["Agenda", "Minutes"], listed.Select(d => d.Kind));
        Assert.Equal(MinutesUrl(meetingId), listed[1].Path);
    }
}
