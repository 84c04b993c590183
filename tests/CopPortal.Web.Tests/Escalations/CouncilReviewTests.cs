using System.Net;
using CopPortal.Domain.Escalations;
using CopPortal.Domain.Messaging;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using static CopPortal.Web.Tests.Escalations.EscalationTestData;

namespace CopPortal.Web.Tests.Escalations;

/// <summary>The council's review of a point over HTTP: assign, route, record the outcome (emailed), close; refusals; comments.</summary>
public sealed class CouncilReviewTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private static string PointUrl(int id) => "/council/escalations/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string> CouncilIdAsync() =>
        await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.CouncilEmail).Select(u => u.Id).SingleAsync());

    private async Task<int> DestinationAsync(string name) =>
        await _portal.WithDbAsync(db => db.EscalationDestinations.Where(d => d.Name == name).Select(d => d.Id).SingleAsync());

    [Fact]
    public async Task Council_member_assigns_routes_records_the_outcome_and_closes_and_the_core_team_is_emailed()
    {
        var meetingId = await _portal.MeetingAsync();
        var ids = await _portal.SubmittedReportAsync(meetingId, (TripleACategory.Alert, PointKind.Escalation, "Supervision waiting lists"));
        var council = await _portal.SignedInClientAsync(DemoData.CouncilEmail);
        var url = PointUrl(ids[0]);

        Assert.Equal(HttpStatusCode.Redirect, (await council.SubmitFormAsync(url, Html.Form(("Input.AssignTo", await CouncilIdAsync())), Form("Assign"))).StatusCode);
        var point = await _portal.PointAsync(ids[0]);
        Assert.Equal(PointStatus.UnderReview, point.Status);
        Assert.Equal(await CouncilIdAsync(), point.AssignedToId);

        var workforce = await DestinationAsync("The Workforce Council");
        Assert.Equal(HttpStatusCode.Redirect, (await council.SubmitFormAsync(url, Html.Form(("Input.DestinationId", workforce.ToString(System.Globalization.CultureInfo.InvariantCulture))), Form("Route"))).StatusCode);
        point = await _portal.PointAsync(ids[0]);
        Assert.Equal(PointStatus.Routed, point.Status);
        Assert.Equal("The Workforce Council", point.Destination!.Name);
        Assert.Empty(await _portal.OutboxAsync());

        _portal.Clock.Advance(TimeSpan.FromDays(3));
        council = await _portal.SignedInClientAsync(DemoData.CouncilEmail); // the earlier sign-in has expired
        Assert.Equal(HttpStatusCode.Redirect, (await council.SubmitFormAsync(url, Html.Form(("Input.Outcome", "Two supervisor posts funded.")), Form("Outcome"))).StatusCode);
        point = await _portal.PointAsync(ids[0]);
        Assert.Equal(PointStatus.OutcomeRecorded, point.Status);
        Assert.Equal(_portal.Clock.GetUtcNow(), point.OutcomeRecordedAt);
        var mail = (await _portal.OutboxAsync()).Where(m => m.Kind == "escalation.outcome").ToList();
        Assert.Equal([DemoData.ChairEmail, DemoData.SecretaryEmail], mail.Select(m => m.ToAddress).Order(StringComparer.Ordinal));
        Assert.All(mail, m =>
        {
            Assert.Equal(EmailTopic.Escalations, m.Topic);
            Assert.NotNull(m.UserId);
            Assert.Equal("Triple-A outcome for Psychological Practitioners: Supervision waiting lists", m.Subject);
            Assert.Contains("Two supervisor posts funded.", m.TextBody, StringComparison.Ordinal);
            Assert.Contains("Routed to: The Workforce Council", m.TextBody, StringComparison.Ordinal);
            Assert.Contains($"http://localhost{ReportUrl(meetingId)}", m.TextBody, StringComparison.Ordinal);
        });

        // The chair sees the outcome on the report page.
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        Assert.Contains("Two supervisor posts funded.", (await chair.GetPageAsync(ReportUrl(meetingId))).QuerySelector($"#point-{ids[0]} .app-outcome")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await council.SubmitFormAsync(url, [], Form("Close"))).StatusCode);
        point = await _portal.PointAsync(ids[0]);
        Assert.Equal(PointStatus.Closed, point.Status);
        Assert.NotNull(point.ClosedAt);
    }

    [Fact]
    public async Task Illegal_steps_are_refused_with_a_clear_message_and_change_nothing()
    {
        var meetingId = await _portal.MeetingAsync();
        var ids = await _portal.SubmittedReportAsync(meetingId, (TripleACategory.Advise, PointKind.Escalation, "Room bookings"));
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var url = PointUrl(ids[0]);
        var stamp = (await _portal.PointAsync(ids[0])).ConcurrencyStamp.ToString();

        var close = await Html.ParseAsync(await staff.PostHandlerAsync(url, "Close", ("Input.Stamp", stamp)));
        Assert.Equal(["A point that is submitted cannot be closed. Record the outcome before closing the point."], close.ErrorSummary());
        Assert.StartsWith("Error: ", close.Title, StringComparison.Ordinal);
        var workforce = await DestinationAsync("The Workforce Council");
        var route = await Html.ParseAsync(await staff.PostHandlerAsync(url, "Route", ("Input.Stamp", stamp), ("Input.DestinationId", workforce.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(["A point that is submitted cannot be routed. Assign the point to a council member for review before routing it."], route.ErrorSummary());
        var outcome = await Html.ParseAsync(await staff.PostHandlerAsync(url, "Outcome", ("Input.Stamp", stamp), ("Input.Outcome", "Done")));
        Assert.Equal(["A point that is submitted cannot be given an outcome. Route the point to a destination before recording its outcome."], outcome.ErrorSummary());
        // Only council members review.
        var staffId = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.StaffEmail).Select(u => u.Id).SingleAsync());
        var assignStaff = await Html.ParseAsync(await staff.PostHandlerAsync(url, "Assign", ("Input.Stamp", stamp), ("Input.AssignTo", staffId)));
        Assert.Equal(["Select a council member"], assignStaff.ErrorSummary());
        var point = await _portal.PointAsync(ids[0]);
        Assert.Equal(PointStatus.Submitted, point.Status);
        Assert.Null(point.Outcome);
        Assert.Null(point.AssignedToId);
        Assert.Empty(await _portal.OutboxAsync());
    }

    [Fact]
    public async Task A_step_on_a_point_someone_else_has_just_changed_is_refused()
    {
        var meetingId = await _portal.MeetingAsync();
        var ids = await _portal.SubmittedReportAsync(meetingId, (TripleACategory.Alert, PointKind.Escalation, "Staffing"));
        var council = await _portal.SignedInClientAsync(DemoData.CouncilEmail);
        var url = PointUrl(ids[0]);
        var page = await council.GetPageAsync(url);

        // Someone else assigns it first, with the page open here.
        Assert.Equal(HttpStatusCode.Redirect, (await (await _portal.SignedInClientAsync(DemoData.StaffEmail)).SubmitFormAsync(url, Html.Form(("Input.AssignTo", await CouncilIdAsync())), Form("Assign"))).StatusCode);
        var stale = await Html.ParseAsync(await council.PostFormAsync((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector(Form("Assign"))!, Html.Form(("Input.AssignTo", await CouncilIdAsync())), url));
        Assert.Equal([EscalationService.ConcurrencyMessage], stale.ErrorSummary());
    }

    [Fact]
    public async Task Council_and_core_team_discuss_a_point_and_the_thread_shows_on_both_sides()
    {
        var meetingId = await _portal.MeetingAsync();
        var ids = await _portal.SubmittedReportAsync(meetingId, (TripleACategory.Assure, PointKind.Commendation, "Peer support"));
        var council = await _portal.SignedInClientAsync(DemoData.CouncilEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await council.SubmitFormAsync(PointUrl(ids[0]), Html.Form(("Comment.Body", "Could you share the evaluation?")), Form("Comment"))).StatusCode);
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var report = await chair.GetPageAsync(ReportUrl(meetingId));
        Assert.Contains("Could you share the evaluation?", report.QuerySelector($"#point-{ids[0]}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("(Council)", report.QuerySelector($"#point-{ids[0]}")!.TextContent, StringComparison.Ordinal);
        await chair.SubmitFormAsync(ReportUrl(meetingId), Html.Form(("Comment.Body", "Attached to the minutes.")), $"#point-{ids[0]} form[action*='handler=Comment']");
        var thread = (await council.GetPageAsync(PointUrl(ids[0]))).QuerySelector(".app-comments")!.TextContent;
        Assert.True(thread.IndexOf("Could you share", StringComparison.Ordinal) < thread.IndexOf("Attached to the minutes.", StringComparison.Ordinal));
        Assert.Contains("(Chair)", thread, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_council_members_and_staff_reach_the_council_pages()
    {
        var meetingId = await _portal.MeetingAsync();
        var ids = await _portal.SubmittedReportAsync(meetingId, (TripleACategory.Alert, PointKind.Escalation, "Staffing"));
        foreach (var email in new[] { DemoData.ChairEmail, DemoData.MemberEmail })
        {
            var client = await _portal.SignedInClientAsync(email);
            foreach (var url in new[] { "/council", "/council/escalations", PointUrl(ids[0]), "/council/escalations/export.csv" })
            {
                AssertForbidden(await client.GetAsync(url));
            }
        }
        Assert.Equal(HttpStatusCode.NotFound, (await (await _portal.SignedInClientAsync(DemoData.CouncilEmail)).GetAsync(PointUrl(999999))).StatusCode);
    }

    [Fact]
    public async Task Staff_edit_the_destinations_and_a_retired_one_is_no_longer_offered()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var list = await staff.GetPageAsync("/staff/escalation-destinations");
        Assert.Equal(EscalationDestination.Defaults, list.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitFormAsync("/staff/escalation-destinations", Html.Form(("Input.Name", "The ICB's mental health lead")), Form("Add"))).StatusCode);
        var duplicate = await Html.ParseAsync(await staff.SubmitFormAsync("/staff/escalation-destinations", Html.Form(("Input.Name", "The Workforce Council")), Form("Add")));
        Assert.Equal(["The Workforce Council is already on the list"], duplicate.ErrorSummary());
        var regional = await DestinationAsync("The regional leads group");
        await staff.SubmitFormAsync("/staff/escalation-destinations", [], $"main form[action*='handler=Active'][action*='id={regional}']");
        Assert.False(await _portal.WithDbAsync(db => db.EscalationDestinations.Where(d => d.Id == regional).Select(d => d.IsActive).SingleAsync()));

        var meetingId = await _portal.MeetingAsync();
        var ids = await _portal.SubmittedReportAsync(meetingId, (TripleACategory.Alert, PointKind.Escalation, "Staffing"));
        await staff.SubmitFormAsync(PointUrl(ids[0]), Html.Form(("Input.AssignTo", await CouncilIdAsync())), Form("Assign"));
        var options = (await staff.GetPageAsync(PointUrl(ids[0]))).QuerySelectorAll("#Input_DestinationId option, select[name='Input.DestinationId'] option").Select(o => o.TextContent).Distinct().ToList();
        Assert.Contains("The ICB's mental health lead", options);
        Assert.DoesNotContain("The regional leads group", options);
    }
}
