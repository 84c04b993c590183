using System.Diagnostics;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.Minutes;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CopPortal.BrowserTests.Minutes;

/// <summary>
/// Minutes from the agenda to the member's PDF: the secretary writes and submits them, the chair returns them with a
/// comment, the secretary resubmits, the chair approves, the secretary publishes, and a member finds them in the
/// library and downloads the PDF. axe runs on every page visited.
/// </summary>
public sealed class MinutesJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Slug = DemoData.PractitionersSlug;
    private const string Title = "Journey quarterly meeting";

    /// <summary>A meeting held a week before the test clock's "now", with the chair and secretary attending and the member's apologies.</summary>
    private Task<int> HeldMeetingAsync() => session.Portal.WithDbAsync(async db =>
    {
        var community = await db.Communities.SingleAsync(c => c.Slug == Slug);
        var people = await db.Users.Where(u => u.Email == DemoData.ChairEmail || u.Email == DemoData.SecretaryEmail || u.Email == DemoData.MemberEmail)
            .ToDictionaryAsync(u => u.Email!);
        var startsAt = session.Portal.Clock.GetUtcNow().AddDays(-8);
        var meeting = new Meeting
        {
            CommunityId = community.Id,
            Title = Title,
            StartsAt = startsAt,
            EndsAt = startsAt.AddHours(2),
            Mode = MeetingMode.Online,
            CalendarUid = Guid.NewGuid().ToString("N") + "@journey",
            CreatedAt = startsAt.AddDays(-30),
            UpdatedAt = startsAt.AddDays(-30),
        };
        meeting.Attendance.Add(new MeetingAttendance { UserId = people[DemoData.ChairEmail].Id, Name = people[DemoData.ChairEmail].DisplayName, Status = AttendanceStatus.Attended });
        meeting.Attendance.Add(new MeetingAttendance { UserId = people[DemoData.SecretaryEmail].Id, Name = people[DemoData.SecretaryEmail].DisplayName, Status = AttendanceStatus.Attended });
        meeting.Attendance.Add(new MeetingAttendance { UserId = people[DemoData.MemberEmail].Id, Name = people[DemoData.MemberEmail].DisplayName, Status = AttendanceStatus.Apologies });
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    });

    private static async Task ExpectSuccessAsync(IPage page, string text)
    {
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner--success")).ToContainTextAsync(text);
        await BrowserSession.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Secretary_writes_chair_returns_secretary_resubmits_chair_approves_and_a_member_downloads_the_pdf_without_axe_violations()
    {
        var meetingId = await HeldMeetingAsync();
        var agendaUrl = $"/communities/{Slug}/meetings/{meetingId}/agenda";
        var minutesUrl = $"/communities/{Slug}/meetings/{meetingId}/minutes";
        var member = await session.Portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.MemberEmail).Select(u => u.DisplayName).SingleAsync());

        // The secretary starts the agenda from the formal template, then the minutes from the agenda.
        var secretary = await session.NewPageAsync();
        await session.SignInAsync(secretary, DemoData.SecretaryEmail);
        await secretary.GotoAsync(agendaUrl);
        await BrowserSession.AssertAccessibleAsync(secretary);
        await secretary.GetByLabel(AgendaTemplates.Formal + ":").CheckAsync();
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Start the agenda" }).ClickAsync();
        await Assertions.Expect(secretary.Locator("main")).ToContainTextAsync("Main item");
        await BrowserSession.AssertAccessibleAsync(secretary);

        await secretary.GotoAsync(minutesUrl);
        await BrowserSession.AssertAccessibleAsync(secretary);
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Start the minutes" }).ClickAsync();
        await ExpectSuccessAsync(secretary, "Minutes started from the agenda");
        // One section per agenda item, in the agenda's order.
        await Assertions.Expect(secretary.Locator("#draft-form legend")).ToHaveCountAsync(AgendaTemplates.All().First().Items.Count);

        // An action owned by a member, then the key points and decisions, and submit.
        await secretary.GetByLabel("The action").FillAsync("Send the supervision survey to all members");
        await secretary.GetByLabel("Owner: a member").SelectOptionAsync(new SelectOptionValue { Label = member });
        await secretary.Locator("#NewAction_DueOn").FillAsync("15");
        await secretary.Locator("#NewAction_DueOn-month").FillAsync("1");
        await secretary.Locator("#NewAction_DueOn-year").FillAsync("2027");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Add the action" }).ClickAsync();
        await ExpectSuccessAsync(secretary, $"Action added for {member}");

        await secretary.GetByLabel("Key points: Main item").FillAsync("Members discussed how group supervision is run across services.");
        await secretary.GetByLabel("Decisions: Main item (optional)").FillAsync("Run a survey of supervision arrangements.");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Save and send to the chair for approval" }).ClickAsync();
        await ExpectSuccessAsync(secretary, "sent to the chair for approval");
        await session.ScreenshotAsync(secretary, "minutes-submitted");

        // The chair returns them, first forgetting the comment.
        var chair = await session.NewPageAsync();
        await session.SignInAsync(chair, DemoData.ChairEmail);
        await chair.GotoAsync(minutesUrl);
        await Assertions.Expect(chair.Locator("main")).ToContainTextAsync("Run a survey of supervision arrangements.");
        await BrowserSession.AssertAccessibleAsync(chair);
        await chair.GetByRole(AriaRole.Button, new() { Name = "Return with comments" }).ClickAsync();
        await Assertions.Expect(chair.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter what needs to change before you can approve the minutes");
        await Assertions.Expect(chair).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await BrowserSession.AssertAccessibleAsync(chair);
        await chair.GetByLabel("What needs to change").FillAsync("Please say who leads the survey.");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Return with comments" }).ClickAsync();
        await ExpectSuccessAsync(chair, "returned to the secretary");

        // The secretary sees the comment, adds the lead and resubmits.
        await secretary.GotoAsync(minutesUrl);
        await Assertions.Expect(secretary.Locator("#return-comment")).ToContainTextAsync("Please say who leads the survey.");
        await session.ScreenshotAsync(secretary, "minutes-returned");
        await BrowserSession.AssertAccessibleAsync(secretary);
        await secretary.GetByLabel("Decisions: Main item (optional)").FillAsync($"Run a survey of supervision arrangements; {member} to lead.");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Save and send to the chair for approval" }).ClickAsync();
        await ExpectSuccessAsync(secretary, "sent to the chair for approval");

        // The chair approves; the secretary publishes.
        await chair.GotoAsync(minutesUrl);
        await BrowserSession.AssertAccessibleAsync(chair);
        await chair.GetByRole(AriaRole.Button, new() { Name = "Approve the minutes" }).ClickAsync();
        await ExpectSuccessAsync(chair, "Minutes approved");
        await secretary.GotoAsync(minutesUrl);
        await BrowserSession.AssertAccessibleAsync(secretary);
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Publish the minutes to members" }).ClickAsync();
        await ExpectSuccessAsync(secretary, "Minutes published");
        var minutes = await session.Portal.WithDbAsync(db => db.MeetingMinutes.AsNoTracking().SingleAsync(m => m.MeetingId == meetingId));
        Assert.Equal(MinutesStatus.Published, minutes.Status);
        Assert.Equal("Please say who leads the survey.", minutes.ReturnComment);

        // A member finds them in the library, reads them and downloads the PDF.
        var reader = await session.NewPageAsync();
        await session.SignInAsync(reader, DemoData.MemberEmail);
        await reader.GotoAsync($"/communities/{Slug}/library");
        await BrowserSession.AssertAccessibleAsync(reader);
        await reader.GetByRole(AriaRole.Link, new() { Name = "Agendas and minutes" }).ClickAsync();
        await BrowserSession.AssertAccessibleAsync(reader);
        await reader.Locator($"main a[href='{minutesUrl}']").ClickAsync();
        await Assertions.Expect(reader.Locator("main")).ToContainTextAsync($"Run a survey of supervision arrangements; {member} to lead.");
        await Assertions.Expect(reader.Locator(".app-minutes-actions")).ToContainTextAsync("Send the supervision survey to all members");
        await session.ScreenshotAsync(reader, "minutes-published");
        await BrowserSession.AssertAccessibleAsync(reader);

        var download = await reader.RunAndWaitForDownloadAsync(() => reader.GetByRole(AriaRole.Link, new() { Name = "Download the minutes as PDF" }).ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        var text = await PdfTextAsync(path);
        Assert.Contains("Minutes: " + Title, text, StringComparison.Ordinal);
        Assert.Contains("Main item", text, StringComparison.Ordinal);
        Assert.Contains("Send the supervision survey to all members", text, StringComparison.Ordinal);
    }

    private static async Task<string> PdfTextAsync(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", [path, "-"]) { RedirectStandardOutput = true })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
    }
}
