using System.Net;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Escalations;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CopPortal.Web.Tests.Escalations.EscalationTestData;

namespace CopPortal.Web.Tests.Escalations;

/// <summary>A held meeting's Triple-A report, as the CoP's core team writes, submits and follows it up.</summary>
public sealed class ReportTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private static KeyValuePair<string, string>[] PointFields(string category, string kind, string title, string detail = "Waiting lists for supervision are growing.") =>
        [new("Point.Category", category), new("Point.Kind", kind), new("Point.Title", title), new("Point.Detail", detail), new("Point.SuggestedDestination", "Regional leads")];

    [Fact]
    public async Task Chair_saves_a_draft_adds_an_alert_and_a_commendation_and_submits()
    {
        var meetingId = await _portal.MeetingAsync();
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var url = ReportUrl(meetingId);

        var page = await chair.GetPageAsync(url);
        Assert.Contains("Psychological Practitioners", page.QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Draft", page.QuerySelector("#report-status")!.TextContent, StringComparison.Ordinal);

        var saved = await chair.SubmitFormAsync(url, Html.Form(("Input.Content", "Case discussion on trauma-informed care.")), Form("Save"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitFormAsync(url, PointFields("Alert", "Escalation", "Supervision waiting lists"), Form("AddPoint"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitFormAsync(url, PointFields("Assure", "Commendation", "Peer support works"), Form("AddPoint"))).StatusCode);

        var draft = await _portal.WithDbAsync(db => db.TripleAReports.Include(r => r.Points).SingleAsync(r => r.MeetingId == meetingId));
        Assert.Equal(ReportStatus.Draft, draft.Status);
        Assert.Equal("Case discussion on trauma-informed care.", draft.Content);
        Assert.All(draft.Points, p => Assert.Equal(PointStatus.Draft, p.Status));
        Assert.Equal(0, await _portal.WithDbAsync(db => db.EscalationPoints.CountAsync(p => p.Status != PointStatus.Draft && p.ReportId == draft.Id)));

        var submitted = await chair.SubmitFormAsync(url, [], Form("Submit"));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var report = await _portal.WithDbAsync(db => db.TripleAReports.Include(r => r.Points).SingleAsync(r => r.MeetingId == meetingId));
        Assert.Equal(ReportStatus.Submitted, report.Status);
        Assert.Equal(_portal.Clock.GetUtcNow(), report.SubmittedAt);
        Assert.Equal([PointStatus.Submitted, PointStatus.Submitted], report.Points.Select(p => p.Status));
        Assert.Equal(
            [(TripleACategory.Alert, PointKind.Escalation), (TripleACategory.Assure, PointKind.Commendation)],
            report.Points.OrderBy(p => p.Id).Select(p => (p.Category, p.Kind)));

        // Read-only to the CoP now: no editing forms, and a stale save changes nothing.
        var after = await chair.GetPageAsync(url);
        Assert.Null(after.QuerySelector(Form("Save")));
        Assert.Null(after.QuerySelector(Form("AddPoint")));
        Assert.Contains("Submitted on 18 November 2026 by", after.QuerySelector("#report-status")!.TextContent, StringComparison.Ordinal);
        var stale = await chair.PostFormAsync((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector(Form("Save"))!, Html.Form(("Input.Content", "Changed afterwards")), url);
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal("Case discussion on trauma-informed care.", await _portal.WithDbAsync(db => db.TripleAReports.Where(r => r.MeetingId == meetingId).Select(r => r.Content).SingleAsync()));
    }

    [Fact]
    public async Task Submit_refuses_a_report_without_content_or_points_with_an_error_summary()
    {
        var meetingId = await _portal.MeetingAsync();
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        var url = ReportUrl(meetingId);

        var empty = await Html.ParseAsync(await secretary.SubmitFormAsync(url, [], Form("Submit")));
        Assert.StartsWith("Error: ", empty.Title, StringComparison.Ordinal);
        Assert.Equal(["Enter the meeting's content and outputs before submitting the report"], empty.ErrorSummary());

        await secretary.SubmitFormAsync(url, Html.Form(("Input.Content", "Content")), Form("Save"));
        var noPoints = await Html.ParseAsync(await secretary.SubmitFormAsync(url, [], Form("Submit")));
        Assert.Equal(["Add at least one point for escalation or commendation before submitting the report"], noPoints.ErrorSummary());

        var badPoint = await Html.ParseAsync(await secretary.SubmitFormAsync(url, [new("Point.Category", "Urgent"), new("Point.Title", "")], Form("AddPoint")));
        Assert.Equal(
            ["Select Advise, Assure or Alert", "Select whether this is an escalation or a commendation", "Enter a short title for the point", "Enter the detail of the point"],
            badPoint.ErrorSummary());
        Assert.Equal(ReportStatus.Draft, await _portal.WithDbAsync(db => db.TripleAReports.Where(r => r.MeetingId == meetingId).Select(r => r.Status).SingleAsync()));
        Assert.Equal(0, await _portal.WithDbAsync(db => db.EscalationPoints.CountAsync(p => p.Report!.MeetingId == meetingId)));

        // The secretary may submit too.
        await secretary.SubmitFormAsync(url, PointFields("Advise", "Escalation", "Room bookings"), Form("AddPoint"));
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(url, [], Form("Submit"))).StatusCode);
        Assert.Equal(ReportStatus.Submitted, await _portal.WithDbAsync(db => db.TripleAReports.Where(r => r.MeetingId == meetingId).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Members_council_and_another_communitys_chair_cannot_see_the_report_and_staff_cannot_submit()
    {
        var meetingId = await _portal.MeetingAsync();
        await _portal.SubmittedReportAsync(meetingId, (TripleACategory.Alert, PointKind.Escalation, "Secret alert"));
        var url = ReportUrl(meetingId);

        AssertForbidden(await (await _portal.SignedInClientAsync(DemoData.MemberEmail)).GetAsync(url));
        AssertForbidden(await (await _portal.SignedInClientAsync(DemoData.CouncilEmail)).GetAsync(url));

        var otherChair = await _portal.CreateUserAsync("other.chair@nhs.net", "Olive Otherchair");
        await _portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<CopPortal.Domain.Data.CopDbContext>();
            var students = await db.Communities.FirstAsync(c => c.Slug == Students);
            await db.InTransactionAsync(async () =>
            {
                await services.GetRequiredService<MembershipService>().AddOrSetRoleAsync(students, otherChair.Id, CommunityRole.Chair);
                await db.SaveChangesAsync();
            });
        });
        var other = await _portal.SignedInClientAsync("other.chair@nhs.net");
        AssertForbidden(await other.GetAsync(url));
        // Through their own CoP's address the meeting is not theirs: 404.
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(ReportUrl(meetingId, Students))).StatusCode);

        // Staff read it but do not submit for the CoP.
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var draftMeeting = await _portal.MeetingAsync();
        await staff.GetPageAsync(ReportUrl(draftMeeting));
        Assert.Null((await staff.GetPageAsync(ReportUrl(draftMeeting))).QuerySelector(Form("Submit")));
        AssertForbidden(await staff.PostHandlerAsync(ReportUrl(draftMeeting), "Submit"));
    }

    [Fact]
    public async Task There_is_no_report_for_a_meeting_that_has_not_happened()
    {
        var future = await _portal.MeetingAsync(daysAgo: -3);
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await chair.GetAsync(ReportUrl(future))).StatusCode);
    }

    [Fact]
    public async Task Audit_entries_record_the_steps_but_not_the_confidential_detail()
    {
        var meetingId = await _portal.MeetingAsync();
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var url = ReportUrl(meetingId);
        await chair.SubmitFormAsync(url, Html.Form(("Input.Content", "Minutes mention a named service user")), Form("Save"));
        await chair.SubmitFormAsync(url, PointFields("Alert", "Escalation", "Staffing", "Ward 7 is unsafe at night"), Form("AddPoint"));
        await chair.SubmitFormAsync(url, [], Form("Submit"));

        var entries = await _portal.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(EscalationPoint) || a.EntityType == nameof(TripleAReport)).ToListAsync());
        Assert.Contains(entries, a => a.EntityType == nameof(EscalationPoint) && a.Action == "Added" && a.Changes!.Contains("Staffing", StringComparison.Ordinal));
        Assert.Contains(entries, a => a.EntityType == nameof(TripleAReport) && a.Changes!.Contains("\"Status\":[\"Draft\",\"Submitted\"]", StringComparison.Ordinal));
        Assert.All(entries, a => Assert.DoesNotContain("Ward 7", a.Changes ?? "", StringComparison.Ordinal));
        Assert.All(entries, a => Assert.DoesNotContain("named service user", a.Changes ?? "", StringComparison.Ordinal));
        Assert.Contains(entries, a => a.Changes!.Contains("\"Detail\":[null,\"(redacted)\"]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Core_team_comments_and_shares_an_outcome_which_members_then_see_without_the_detail()
    {
        var meetingId = await _portal.MeetingAsync();
        var ids = await _portal.SubmittedReportAsync(meetingId, (TripleACategory.Alert, PointKind.Escalation, "Supervision waiting lists"));
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var url = ReportUrl(meetingId);

        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitFormAsync(url, Html.Form(("Comment.Body", "Two more supervisors left since.")), "#follow-up ~ form")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitFormAsync(url, Html.Form(("Comment.Body", "Happy to present this.")), $"#point-{ids[0]} form[action*='handler=Comment']")).StatusCode);
        var comments = await _portal.WithDbAsync(db => db.ReportComments.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.PointId, c.Body, c.AuthorRole }).ToListAsync());
        Assert.Equal([(int?)null, ids[0]], comments.Select(c => c.PointId));
        Assert.All(comments, c => Assert.Equal("Chair", c.AuthorRole));
        var empty = await Html.ParseAsync(await chair.SubmitFormAsync(url, Html.Form(("Comment.Body", " ")), "#follow-up ~ form"));
        Assert.Equal(["Enter your comment"], empty.ErrorSummary());

        // No outcome yet: nothing to share.
        var early = await Html.ParseAsync(await chair.PostHandlerAsync(url, "Share", ("pointId", ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture)), ("share", "true")));
        Assert.Equal(["Only an outcome the council has recorded can be shared with members."], early.ErrorSummary());
        Assert.False((await _portal.PointAsync(ids[0])).OutcomeSharedWithMembers);

        await _portal.WithDbAsync(async db =>
        {
            var point = await db.EscalationPoints.FirstAsync(p => p.Id == ids[0]);
            point.Status = PointStatus.OutcomeRecorded;
            point.Outcome = "The regional leads group funded two supervisor posts.";
            point.OutcomeRecordedAt = _portal.Clock.GetUtcNow();
            await db.SaveChangesAsync();
        });
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        Assert.DoesNotContain("two supervisor posts", (await member.GetPageAsync("/communities/" + Practitioners)).MainText(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitFormAsync(url, [], Form("Share"))).StatusCode);
        Assert.True((await _portal.PointAsync(ids[0])).OutcomeSharedWithMembers);
        var community = (await member.GetPageAsync("/communities/" + Practitioners)).MainText();
        Assert.Contains("The regional leads group funded two supervisor posts.", community, StringComparison.Ordinal);
        Assert.Contains("Supervision waiting lists", community, StringComparison.Ordinal);
        Assert.DoesNotContain("Confidential detail", community, StringComparison.Ordinal);
        // Not members: nothing.
        Assert.DoesNotContain("two supervisor posts", (await _portal.CreateBrowserClient().GetPageAsync("/communities/" + Practitioners)).MainText(), StringComparison.Ordinal);
    }
}
