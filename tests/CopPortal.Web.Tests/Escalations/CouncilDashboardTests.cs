using System.Diagnostics;
using System.Net;
using System.Text;
using CopPortal.Domain.Escalations;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CopPortal.Web.Tests.Escalations.EscalationTestData;

namespace CopPortal.Web.Tests.Escalations;

/// <summary>The council home's figures, the queue's filters, the CSV and the quarterly PDF, against known data.</summary>
public sealed class CouncilDashboardTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    /// <summary>
    /// Four points: two in Practitioners (an open Alert; an Advise with an outcome after 2 days), one Alert in Students
    /// with an outcome after 6 days, and an Assure commendation from the previous quarter with an outcome after 16 days.
    /// Median of (2, 6, 16) days is 6, mean 8.
    /// </summary>
    private async Task<List<int>> KnownDataAsync()
    {
        await _portal.ClearReportsAsync();
        var start = _portal.Clock.GetUtcNow();
        _portal.Clock.Set(new DateTimeOffset(2026, 9, 10, 9, 0, 0, TimeSpan.Zero));
        var old = await _portal.SubmittedReportAsync(await _portal.MeetingAsync(), (TripleACategory.Assure, PointKind.Commendation, "Peer support works"));
        _portal.Clock.Set(start);
        var practitioners = await _portal.SubmittedReportAsync(await _portal.MeetingAsync(),
            (TripleACategory.Alert, PointKind.Escalation, "=HYPERLINK(\"http://evil\")"),
            (TripleACategory.Advise, PointKind.Escalation, "Room, \"bookings\""));
        var students = await _portal.SubmittedReportAsync(await _portal.MeetingAsync(Students), (TripleACategory.Alert, PointKind.Escalation, "Placement shortage"));
        await _portal.WithDbAsync(async db =>
        {
            async Task Outcome(int id, double days, string text)
            {
                var p = await db.EscalationPoints.FirstAsync(x => x.Id == id);
                p.Status = PointStatus.OutcomeRecorded;
                p.Outcome = text;
                p.OutcomeRecordedAt = p.SubmittedAt!.Value.AddDays(days);
            }
            await Outcome(practitioners[1], 2, "Rooms booked centrally.");
            await Outcome(students[0], 6, "-1 placement gap remains");
            await Outcome(old[0], 16, "Shared with the network.");
            await db.SaveChangesAsync();
        });
        return [.. practitioners, .. students, .. old];
    }

    [Fact]
    public async Task Dashboard_shows_counts_by_category_community_and_quarter_open_alerts_and_time_to_outcome()
    {
        await KnownDataAsync();
        var council = await _portal.SignedInClientAsync(DemoData.CouncilEmail);
        var page = await council.GetPageAsync("/council");

        Dictionary<string, string> Table(string chart) => page.QuerySelector($"#{chart} + table")!.QuerySelectorAll("tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelector("td")!.TextContent.Trim());
        Assert.Equal(new Dictionary<string, string> { ["Advise"] = "1", ["Assure"] = "1", ["Alert"] = "2" }, Table("by-category"));
        var byCommunity = Table("by-community");
        Assert.Equal(2, byCommunity.Count);
        Assert.Equal("3", byCommunity["Psychological Practitioners"]);
        Assert.Equal("1", byCommunity["Assistant Psychologists and Psychology Students"]);
        Assert.Equal(new Dictionary<string, string> { ["July to September 2026"] = "1", ["October to December 2026"] = "3" }, Table("by-quarter"));
        Assert.Equal("6 days", page.QuerySelector("#median-days")!.TextContent.Trim());
        Assert.Equal("8 days", page.QuerySelector("#mean-days")!.TextContent.Trim());
        Assert.Contains("There is 1 Alert without an outcome", page.MainText(), StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll(".app-open-alerts li"));
        var svg = page.QuerySelector("#by-category svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal(3, svg.QuerySelectorAll("rect").Length);
    }

    [Fact]
    public async Task Dashboard_figures_kept_between_views_follow_a_report_submitted_after_they_were_read()
    {
        // The figures are kept in memory between views (they read every point); a save must drop them at once.
        await KnownDataAsync();
        var council = await _portal.SignedInClientAsync(DemoData.CouncilEmail);
        string Advise(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("#by-category + table")!.QuerySelectorAll("tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent.Trim() == "Advise").QuerySelector("td")!.TextContent.Trim();
        Assert.Equal("1", Advise(await council.GetPageAsync("/council")));

        await _portal.SubmittedReportAsync(await _portal.MeetingAsync(Students), (TripleACategory.Advise, PointKind.Escalation, "Supervision capacity"));

        Assert.Equal("2", Advise(await council.GetPageAsync("/council")));
    }

    [Fact]
    public async Task Queue_filters_by_category_community_status_and_quarter_and_marks_alerts()
    {
        var ids = await KnownDataAsync();
        var council = await _portal.SignedInClientAsync(DemoData.CouncilEmail);
        List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument d) => d.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();

        var alerts = await council.GetPageAsync("/council/escalations?category=Alert");
        Assert.Equal(["=HYPERLINK(\"http://evil\")", "Placement shortage"], Titles(alerts).Order(StringComparer.Ordinal));
        Assert.Equal(2, alerts.QuerySelectorAll("tr.app-alert-row").Length);
        var students = await _portal.WithDbAsync(db => db.Communities.Where(c => c.Slug == Students).Select(c => c.Id).SingleAsync());
        Assert.Equal(["Placement shortage"], Titles(await council.GetPageAsync($"/council/escalations?community={students}")));
        Assert.Equal(["Peer support works"], Titles(await council.GetPageAsync("/council/escalations?quarter=2026-Q3")));
        Assert.Equal(3, Titles(await council.GetPageAsync("/council/escalations?status=OutcomeRecorded")).Count);
        Assert.Equal(4, Titles(await council.GetPageAsync("/council/escalations?status=nonsense")).Count);
    }

    [Fact]
    public async Task Queue_community_filter_takes_part_of_a_name_and_asks_to_choose_when_several_match()
    {
        await KnownDataAsync();
        var council = await _portal.SignedInClientAsync(DemoData.CouncilEmail);
        List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument d) => d.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();

        // One name contains "students": that community's points, and the box shows its full name.
        var one = await council.GetPageAsync("/council/escalations?community-name=students");
        Assert.Equal(["Placement shortage"], Titles(one));
        Assert.Equal("Assistant Psychologists and Psychology Students", one.QuerySelector("#filter-community")!.GetAttribute("value"));
        Assert.Null(one.QuerySelector("select#filter-community"));

        // Several names contain "psycholog": a list to choose from, each link filtering by that community.
        var several = await council.GetPageAsync("/council/escalations?community-name=psycholog&category=Alert");
        Assert.Empty(Titles(several));
        var choices = several.QuerySelectorAll(".app-community-choices a").ToList();
        Assert.True(choices.Count > 1);
        var students = choices.Single(a => a.TextContent.Trim() == "Assistant Psychologists and Psychology Students").GetAttribute("href")!;
        Assert.Contains("category=Alert", students, StringComparison.Ordinal);
        Assert.Equal(["Placement shortage"], Titles(await council.GetPageAsync(students)));

        var none = await council.GetPageAsync("/council/escalations?community-name=zzzz");
        Assert.Contains("No community's name contains “zzzz”", none.MainText(), StringComparison.Ordinal);
        Assert.Empty(Titles(none));
    }

    [Fact]
    public async Task Queue_is_paginated_25_to_a_page()
    {
        await _portal.ClearReportsAsync();
        var points = Enumerable.Range(1, 30).Select(i => (TripleACategory.Advise, PointKind.Escalation, $"Point {i:00}")).ToArray();
        await _portal.SubmittedReportAsync(await _portal.MeetingAsync(), points);
        var council = await _portal.SignedInClientAsync(DemoData.CouncilEmail);
        var first = await council.GetPageAsync("/council/escalations");
        Assert.Equal(25, first.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("Showing 1 to 25 of 30", first.MainText(), StringComparison.Ordinal);
        Assert.Equal(5, (await council.GetPageAsync("/council/escalations?p=2")).QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task Queue_count_kept_between_views_follows_a_report_submitted_after_it_was_read()
    {
        // The queue's total for each filter is kept in memory (it counts every point); a save must drop it at once.
        await _portal.ClearReportsAsync();
        await _portal.SubmittedReportAsync(await _portal.MeetingAsync(), [.. Enumerable.Range(1, 26).Select(i => (TripleACategory.Advise, PointKind.Escalation, $"Point {i:00}")), (TripleACategory.Assure, PointKind.Commendation, "Peer support works")]);
        var council = await _portal.SignedInClientAsync(DemoData.CouncilEmail);
        Assert.Contains("Showing 1 to 25 of 27", (await council.GetPageAsync("/council/escalations")).MainText(), StringComparison.Ordinal);
        Assert.Contains("Showing 1 to 25 of 26", (await council.GetPageAsync("/council/escalations?category=Advise")).MainText(), StringComparison.Ordinal);

        await _portal.SubmittedReportAsync(await _portal.MeetingAsync(Students), (TripleACategory.Alert, PointKind.Escalation, "Placement shortage"));

        Assert.Contains("Showing 1 to 25 of 28", (await council.GetPageAsync("/council/escalations")).MainText(), StringComparison.Ordinal);
        Assert.Contains("Showing 1 to 25 of 26", (await council.GetPageAsync("/council/escalations?category=Advise")).MainText(), StringComparison.Ordinal);
        Assert.Equal(3, (await council.GetPageAsync("/council/escalations?p=2")).QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task Csv_export_lists_the_points_and_defuses_formulas()
    {
        await KnownDataAsync();
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var response = await staff.GetAsync("/council/escalations/export.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var rows = ParseCsv(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'));
        Assert.Equal(CopPortal.Web.Pages.Council.Escalations.ExportModel.Header, rows[0]);
        Assert.Equal(5, rows.Count);
        var byTitle = rows.Skip(1).ToDictionary(r => r[6]);
        Assert.Contains("'=HYPERLINK(\"http://evil\")", byTitle.Keys);
        Assert.Contains("Room, \"bookings\"", byTitle.Keys);
        var students = byTitle["Placement shortage"];
        Assert.Equal(["Assistant Psychologists and Psychology Students", "Alert", "Escalation"], students[3..6]);
        Assert.Equal("Outcome recorded", students[7]);
        Assert.Equal("'-1 placement gap remains", students[11]);
        Assert.Equal("2026-Q3", byTitle["Peer support works"][2]);
        Assert.DoesNotContain(rows.SelectMany(r => r), cell => cell.Contains("Confidential detail", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Quarterly_report_pdf_lists_each_point_of_the_quarter_by_community_with_status_and_outcome()
    {
        await KnownDataAsync();
        var council = await _portal.SignedInClientAsync(DemoData.CouncilEmail);
        var response = await council.GetAsync("/council/escalations/quarterly.pdf?quarter=2026-Q4");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var file = Path.Combine(_portal.DataDirectory, "quarterly.pdf");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        var start = new ProcessStartInfo("pdftotext", ["-layout", file, "-"]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var text = System.Text.RegularExpressions.Regex.Replace(await process.StandardOutput.ReadToEndAsync(), @"\s+", " ");
        await process.WaitForExitAsync();
        Assert.Contains("Triple-A report to the Workforce Council: October to December 2026", text, StringComparison.Ordinal);
        Assert.Contains("Placement shortage", text, StringComparison.Ordinal);
        Assert.Contains("Rooms booked centrally.", text, StringComparison.Ordinal);
        Assert.Contains("Outcome recorded", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Assistant Psychologists and Psychology Students", StringComparison.Ordinal) < text.IndexOf("Psychological Practitioners", StringComparison.Ordinal));
        Assert.DoesNotContain("Peer support works", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overdue_reminder_goes_once_to_the_chair_and_secretary_14_days_after_a_meeting_with_no_submitted_report()
    {
        await _portal.ClearReportsAsync();
        // Meetings already in the database (the demo network's) count as reminded, so only this test's meetings are due.
        await _portal.WithDbAsync(async db =>
        {
            db.ReportReminders.AddRange(await db.Meetings.Select(m => new ReportReminder { MeetingId = m.Id, SentAt = _portal.Clock.GetUtcNow() }).ToListAsync());
            await db.SaveChangesAsync();
        });
        var overdue = await _portal.MeetingAsync(daysAgo: 14.5, title: "Overdue meeting");
        var recent = await _portal.MeetingAsync(daysAgo: 13, title: "Recent meeting");
        var reported = await _portal.MeetingAsync(daysAgo: 20, title: "Reported meeting");
        await _portal.SubmittedReportAsync(reported, (TripleACategory.Advise, PointKind.Escalation, "Done"));

        async Task<int> RunAsync()
        {
            var count = 0;
            await _portal.WithServicesAsync(async s => count = await s.GetRequiredService<EscalationService>().QueueOverdueRemindersAsync());
            return count;
        }

        Assert.Equal(1, await RunAsync());
        var mail = (await _portal.OutboxAsync()).Where(m => m.Kind == "escalation.report-overdue").ToList();
        Assert.Equal([DemoData.ChairEmail, DemoData.SecretaryEmail], mail.Select(m => m.ToAddress).Order(StringComparer.Ordinal));
        Assert.All(mail, m => Assert.Contains($"http://localhost{ReportUrl(overdue)}", m.TextBody, StringComparison.Ordinal));
        Assert.Equal(0, await RunAsync());

        _portal.Clock.Advance(TimeSpan.FromDays(1.5));
        Assert.Equal(1, await RunAsync());
        Assert.Contains((await _portal.OutboxAsync()).Where(m => m.Kind == "escalation.report-overdue"), m => m.Subject.Contains("Psychological Practitioners", StringComparison.Ordinal) && m.TextBody.Contains(ReportUrl(recent), StringComparison.Ordinal));
        Assert.Equal(4, (await _portal.OutboxAsync()).Count(m => m.Kind == "escalation.report-overdue"));

        // Staff see the overdue reports on the council home.
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var overdueList = (await staff.GetPageAsync("/council")).QuerySelector("#overdue ~ ul")!.TextContent;
        Assert.Contains("Overdue meeting", overdueList, StringComparison.Ordinal);
        Assert.DoesNotContain("Reported meeting", overdueList, StringComparison.Ordinal);
        Assert.Null((await (await _portal.SignedInClientAsync(DemoData.CouncilEmail)).GetPageAsync("/council")).QuerySelector("#overdue"));
    }

    /// <summary>A small RFC 4180 reader: quoted fields, doubled quotes, commas and line breaks inside quotes.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add([.. row]); row.Clear(); }
            else if (c != '\r') { field.Append(c); }
        }
        return rows;
    }
}
