using System.Net;
using CopPortal.Domain.Minutes;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using static CopPortal.Web.Tests.Minutes.MinutesTestData;

namespace CopPortal.Web.Tests.Minutes;

public sealed class MinutesPdfTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private static string PdfUrl(int meetingId) => MinutesUrl(meetingId).Replace("/minutes", "/minutes.pdf", StringComparison.Ordinal);

    private string StoreDirectory => Path.Combine(Path.GetFullPath(_portal.DataDirectory), "pdf", "minutes");

    [Fact]
    public async Task The_minutes_pdf_has_network_community_meeting_attendance_items_actions_and_approval_line_and_is_stored_per_revision()
    {
        var meetingId = await MeetingAsync(_portal, HeldAt);
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(MinutesUrl(meetingId), [], Form("Start"))).StatusCode);
        await secretary.SubmitFormAsync(MinutesUrl(meetingId), Html.Form(("NewAction.Description", "Send the slides to members"), ("NewAction.OwnerName", "Gita Guestspeaker"), ("NewAction.DueOn.Day", "1"), ("NewAction.DueOn.Month", "12"), ("NewAction.DueOn.Year", "2026")), "#action-form");
        await PressAsync(secretary, MinutesUrl(meetingId), "#draft-form", "Submit", ("Draft.Items[0].KeyPoints", "The chair welcomed Gita."), ("Draft.Items[2].Decisions", "Agreed to meet in person in spring."));

        // A draft's PDF says it is not approved, and is not stored (drafts change).
        var draftText = await PdfTextAsync(await (await secretary.GetAsync(PdfUrl(meetingId))).Content.ReadAsByteArrayAsync());
        Assert.Contains("Not yet approved by the chair.", draftText, StringComparison.Ordinal);
        Assert.False(System.IO.Directory.Exists(StoreDirectory) && System.IO.Directory.EnumerateFiles(StoreDirectory).Any());
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(PdfUrl(meetingId))).StatusCode);

        await chair.SubmitFormAsync(MinutesUrl(meetingId), [], Form("Approve"));
        await secretary.SubmitFormAsync(MinutesUrl(meetingId), [], Form("Publish"));
        var response = await member.GetAsync(PdfUrl(meetingId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{Slug}-minutes-2026-11-10.pdf", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var text = await PdfTextAsync(await response.Content.ReadAsByteArrayAsync());
        var names = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.ChairEmail || u.Email == DemoData.SecretaryEmail || u.Email == DemoData.MemberEmail).ToDictionaryAsync(u => u.Email!, u => u.DisplayName));
        foreach (var expected in new[]
        {
            "PPN Midlands", "Psychological Practitioners", "Minutes: Quarterly meeting", "10 November 2026 at 2pm", "Online",
            names[DemoData.SecretaryEmail], names[DemoData.MemberEmail], "Gita Guestspeaker",
            "Welcome, introductions and apologies", "The chair welcomed Gita.", "Agreed to meet in person in spring.",
            "Actions agreed", "Send the slides to members", "1 December 2026",
            $"Approved by {names[DemoData.ChairEmail]} (chair) on 18 November 2026",
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        // The approved revision's PDF is now stored; the next download is read from the store, not rendered again.
        var minutesId = await _portal.WithDbAsync(db => db.MeetingMinutes.Where(m => m.MeetingId == meetingId).Select(m => m.Id).SingleAsync());
        var stored = Path.Combine(StoreDirectory, $"minutes-{minutesId}-revision-1.pdf");
        Assert.True(File.Exists(stored));
        var marker = "%PDF-1.4 stored copy"u8.ToArray();
        await File.WriteAllBytesAsync(stored, marker);
        Assert.Equal(marker, await (await member.GetAsync(PdfUrl(meetingId))).Content.ReadAsByteArrayAsync());
    }
}
