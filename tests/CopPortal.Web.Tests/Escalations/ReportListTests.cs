using System.Globalization;
using System.Net;
using CopPortal.Domain.Escalations;
using CopPortal.Domain.Meetings;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CopPortal.Web.Tests.Escalations.EscalationTestData;

namespace CopPortal.Web.Tests.Escalations;

/// <summary>
/// A CoP's own list of its Triple-A reports (/communities/{slug}/reports) and the summary on its page, for the core
/// team and staff only: meetings waiting for a report (overdue ones marked), every report with its points and outcomes.
/// </summary>
public sealed class ReportListTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private static string ListUrl(string slug = Practitioners) => $"/communities/{slug}/reports";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private Task OutcomeAsync(int pointId, string outcome, bool shared = false) =>
        _portal.WithDbAsync(async db =>
        {
            var point = await db.EscalationPoints.FirstAsync(p => p.Id == pointId);
            point.Status = PointStatus.OutcomeRecorded;
            point.Outcome = outcome;
            point.OutcomeRecordedAt = _portal.Clock.GetUtcNow();
            point.OutcomeSharedWithMembers = shared;
            await db.SaveChangesAsync();
        });

    [Fact]
    public async Task Core_team_sees_waiting_meetings_with_overdue_ones_marked_and_every_report_with_its_points_and_outcomes()
    {
        await _portal.ClearReportsAsync();
        var overdue = await _portal.MeetingAsync(daysAgo: 20, title: "Overdue meeting");
        var recent = await _portal.MeetingAsync(daysAgo: 3, title: "Recent meeting");
        var drafted = await _portal.MeetingAsync(daysAgo: 16, title: "Drafted meeting");
        var reported = await _portal.MeetingAsync(daysAgo: 30, title: "Reported meeting");
        var cancelled = await _portal.MeetingAsync(daysAgo: 25, title: "Cancelled meeting");
        var future = await _portal.MeetingAsync(daysAgo: -5, title: "Future meeting");
        var elsewhere = await _portal.MeetingAsync(Students, daysAgo: 20, title: "Students meeting");
        await _portal.WithDbAsync(async db =>
        {
            (await db.Meetings.FirstAsync(m => m.Id == cancelled)).Status = MeetingStatus.Cancelled;
            await db.SaveChangesAsync();
        });
        await _portal.DraftReportAsync(drafted, "Draft about rooms");
        var points = await _portal.SubmittedReportAsync(reported,
            (TripleACategory.Alert, PointKind.Escalation, "Supervision waiting lists"),
            (TripleACategory.Assure, PointKind.Commendation, "Peer support works"));
        await OutcomeAsync(points[0], "Two supervisor posts funded.");
        await _portal.SubmittedReportAsync(elsewhere, (TripleACategory.Advise, PointKind.Escalation, "Students point"));

        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var page = await chair.GetPageAsync(ListUrl());
        Assert.StartsWith("Triple-A reports – Psychological Practitioners", page.Title, StringComparison.Ordinal);

        // Waiting: held, not cancelled, no submitted report; overdue after 14 days.
        var due = page.QuerySelectorAll(".app-report-due")
            .ToDictionary(li => li.QuerySelector("a")!.GetAttribute("href")!, li => li);
        Assert.True(due.ContainsKey(ReportUrl(overdue)));
        Assert.True(due.ContainsKey(ReportUrl(recent)));
        Assert.True(due.ContainsKey(ReportUrl(drafted)));
        Assert.False(due.ContainsKey(ReportUrl(reported)));
        Assert.False(due.ContainsKey(ReportUrl(cancelled)));
        Assert.False(due.ContainsKey(ReportUrl(future)));
        Assert.DoesNotContain(due.Keys, k => k.Contains(Students, StringComparison.Ordinal));
        Assert.Contains("app-report-due--overdue", due[ReportUrl(overdue)].ClassName, StringComparison.Ordinal);
        Assert.Contains("Overdue", due[ReportUrl(overdue)].TextContent, StringComparison.Ordinal);
        Assert.Contains("Write the report", due[ReportUrl(overdue)].TextContent, StringComparison.Ordinal);
        Assert.Contains("Finish the report", due[ReportUrl(drafted)].TextContent, StringComparison.Ordinal);
        Assert.Contains("app-report-due--overdue", due[ReportUrl(drafted)].ClassName, StringComparison.Ordinal);
        Assert.DoesNotContain("overdue", due[ReportUrl(recent)].ClassName, StringComparison.Ordinal);
        Assert.DoesNotContain("Overdue", due[ReportUrl(recent)].TextContent, StringComparison.Ordinal);
        var recentDueBy = LondonTimeDate(_portal.Clock.GetUtcNow().AddDays(-3 + EscalationService.OverdueAfterDays));
        Assert.Contains("due by " + recentDueBy, due[ReportUrl(recent)].TextContent, StringComparison.Ordinal);

        // Reports: newest meeting first, draft and submitted, each point with category, status and outcome.
        var cards = page.QuerySelectorAll(".app-report-summary").ToList();
        Assert.Equal(["Drafted meeting", "Reported meeting"], cards.Select(c => c.QuerySelector("h3")!.TextContent.Split(',')[0].Trim()));
        Assert.Contains("Draft", cards[0].QuerySelector(".app-report-status")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Submitted", cards[1].QuerySelector(".app-report-status")!.TextContent, StringComparison.Ordinal);
        var alert = cards[1].QuerySelector($"#point-{points[0]}")!;
        Assert.Contains("app-alert-row", alert.ClassName, StringComparison.Ordinal);
        var cells = alert.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains("Supervision waiting lists", cells[0], StringComparison.Ordinal);
        Assert.Contains("Alert", cells[1], StringComparison.Ordinal);
        Assert.Contains("Escalation", cells[1], StringComparison.Ordinal);
        Assert.Contains("Outcome recorded", cells[2], StringComparison.Ordinal);
        Assert.Contains("Two supervisor posts funded.", cells[3], StringComparison.Ordinal);
        var commendation = cards[1].QuerySelector($"#point-{points[1]}")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains("Assure", commendation[1], StringComparison.Ordinal);
        Assert.Contains("Commendation", commendation[1], StringComparison.Ordinal);
        Assert.Contains("Submitted", commendation[2], StringComparison.Ordinal);
        Assert.Contains("None yet", commendation[3], StringComparison.Ordinal);
        Assert.DoesNotContain("Students point", page.MainText(), StringComparison.Ordinal);
        // The list gives titles, not the points' confidential detail.
        Assert.DoesNotContain("Confidential detail", page.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_are_listed_a_page_at_a_time()
    {
        await _portal.ClearReportsAsync();
        for (var i = 0; i < ReportsPageSize + 1; i++)
        {
            await _portal.DraftReportAsync(await _portal.MeetingAsync(daysAgo: 40 + i, title: $"Meeting {i:00}"));
        }
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var first = await chair.GetPageAsync(ListUrl());
        Assert.Equal(ReportsPageSize, first.QuerySelectorAll(".app-report-summary").Length);
        Assert.Equal("Meeting 00", first.QuerySelector(".app-report-summary h3")!.TextContent.Split(',')[0].Trim());
        var next = first.QuerySelector("a.nhsuk-pagination__link--next")!.GetAttribute("href")!;
        Assert.Equal(ListUrl() + "?p=2", next);
        var second = await chair.GetPageAsync(next);
        Assert.Equal(["Meeting 10"], second.QuerySelectorAll(".app-report-summary h3").Select(h => h.TextContent.Split(',')[0].Trim()));
        Assert.NotNull(second.QuerySelector("a.nhsuk-pagination__link--prev"));
    }

    [Fact]
    public async Task Members_council_and_another_communitys_chair_cannot_see_the_list_and_staff_can()
    {
        var meetingId = await _portal.MeetingAsync(daysAgo: 20);
        await _portal.SubmittedReportAsync(meetingId, (TripleACategory.Alert, PointKind.Escalation, "Secret alert"));

        AssertForbidden(await (await _portal.SignedInClientAsync(DemoData.MemberEmail)).GetAsync(ListUrl()));
        AssertForbidden(await (await _portal.SignedInClientAsync(DemoData.CouncilEmail)).GetAsync(ListUrl()));
        var anonymous = await _portal.CreateBrowserClient().GetAsync(ListUrl());
        Assert.Contains("/account/sign-in", anonymous.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);

        var other = await _portal.OtherCommunitysChairAsync();
        AssertForbidden(await other.GetAsync(ListUrl()));
        // Their own CoP's list shows only their CoP's reports and meetings.
        var own = await other.GetPageAsync(ListUrl(Students));
        Assert.DoesNotContain("Secret alert", own.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain(own.QuerySelectorAll("main a"), a => (a.GetAttribute("href") ?? "").Contains(Practitioners, StringComparison.Ordinal));

        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        Assert.Contains("Secret alert", (await staff.GetPageAsync(ListUrl())).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_communitys_page_links_the_core_team_to_its_reports_with_overdue_and_latest_outcomes_and_members_see_only_shared_outcomes()
    {
        await _portal.ClearReportsAsync();
        await _portal.MeetingAsync(daysAgo: 20, title: "Overdue meeting");
        var points = await _portal.SubmittedReportAsync(await _portal.MeetingAsync(daysAgo: 30),
            (TripleACategory.Alert, PointKind.Escalation, "Supervision waiting lists"),
            (TripleACategory.Advise, PointKind.Escalation, "Room bookings"));
        await OutcomeAsync(points[0], "Two supervisor posts funded.");
        var overdueCount = 0;
        await _portal.WithServicesAsync(async sp => overdueCount = await sp.GetRequiredService<EscalationService>().Overdue()
            .CountAsync(m => m.Community!.Slug == Practitioners));

        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var page = await chair.GetPageAsync("/communities/" + Practitioners);
        var entry = page.QuerySelector("#triple-a-reports")!;
        Assert.Equal(ListUrl(), entry.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(overdueCount == 1 ? "1 report overdue" : $"{overdueCount} reports overdue", entry.TextContent, StringComparison.Ordinal);
        var latest = entry.QuerySelectorAll(".app-latest-outcomes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Single(latest);
        Assert.StartsWith("Supervision waiting lists (Alert, ", latest[0], StringComparison.Ordinal);
        // A summary: the outcome itself is on the report page, and unshared outcomes are not in the members' list.
        Assert.DoesNotContain("Two supervisor posts funded.", page.MainText(), StringComparison.Ordinal);

        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var memberPage = await member.GetPageAsync("/communities/" + Practitioners);
        Assert.Null(memberPage.QuerySelector("#triple-a-reports"));
        Assert.DoesNotContain("Supervision waiting lists", memberPage.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain(memberPage.QuerySelectorAll("a"), a => a.GetAttribute("href") == ListUrl());

        Assert.NotNull((await (await _portal.SignedInClientAsync(DemoData.StaffEmail)).GetPageAsync("/communities/" + Practitioners)).QuerySelector("#triple-a-reports"));
    }

    private static int ReportsPageSize => CopPortal.Web.Pages.Communities.Meetings.ReportsModel.PageSize;

    private static string LondonTimeDate(DateTimeOffset at) => CopPortal.Domain.Time.LondonTime.Date(at);
}
