using System.Net;
using CopPortal.Domain.Meetings;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Tests.Meetings;

public sealed class AttendanceTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private const string Slug = ParticipationTestData.Slug;
    private readonly PortalFactory _portal = shared.Fresh();

    private static string Checked(AngleSharp.Dom.IDocument page, string name) =>
        page.QuerySelectorAll("main form[method=post] fieldset")
            .Single(f => f.QuerySelector("legend")!.TextContent.Trim() == name)
            .QuerySelector("input[type=radio]:checked")?.GetAttribute("value") ?? "(none)";

    [Fact]
    public async Task Get_before_the_meeting_starts_says_so_and_post_is_refused()
    {
        var meetingId = await _portal.MeetingAsync(TimeSpan.FromDays(3));
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var page = await chair.GetPageAsync($"/communities/{Slug}/meetings/{meetingId}/attendance");
        Assert.Contains("You can record attendance once the meeting has started.", page.MainText(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form[method=post]"));

        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await chair.GetPageAsync("/account/change-password")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var memberId = await _portal.UserIdAsync(DemoData.MemberEmail);
        var response = await chair.PostAsync($"/communities/{Slug}/meetings/{meetingId}/attendance", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Rows[0].UserId", memberId), new("Rows[0].Status", "Attended")]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["You can record attendance once the meeting has started"], (await Html.ParseAsync(response)).ErrorSummary());
        Assert.Equal(0, await _portal.WithDbAsync(db => db.MeetingAttendance.CountAsync(a => a.MeetingId == meetingId)));
        Assert.Null(await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.AttendanceRecordedAt).SingleAsync()));
    }

    [Fact]
    public async Task Get_after_the_meeting_prefills_from_rsvps_and_lists_guests()
    {
        var meetingId = await _portal.MeetingAsync(TimeSpan.FromDays(3));
        await _portal.RsvpAsync(meetingId, DemoData.MemberEmail, RsvpAnswer.Attending);
        await _portal.RsvpAsync(meetingId, DemoData.ChairEmail, RsvpAnswer.Apologies);
        await _portal.WithDbAsync(async db =>
        {
            db.MeetingGuests.Add(new MeetingGuest { MeetingId = meetingId, Name = "Jo Expert", Email = "jo@example.org", TokenHash = new string('A', 64), InvitedAt = _portal.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });
        _portal.Clock.Advance(TimeSpan.FromDays(3).Add(TimeSpan.FromMinutes(5)));

        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        var page = await secretary.GetPageAsync($"/communities/{Slug}/meetings/{meetingId}/attendance");
        Assert.Equal("Attended", Checked(page, "Aisha Begum"));
        Assert.Equal("Absent", Checked(page, "Jo Expert (guest)"));
        Assert.Equal("Apologies", Checked(await secretary.GetPageAsync($"/communities/{Slug}/meetings/{meetingId}/attendance?q=whitfield"), "Hannah Whitfield"));
        Assert.Equal("Absent", Checked(await secretary.GetPageAsync($"/communities/{Slug}/meetings/{meetingId}/attendance?q=nowak"), "Tomasz Nowak"));
        // Paged for large CoPs: a page holds at most 50 members plus the guests.
        Assert.True(page.QuerySelectorAll("main form[method=post] fieldset").Length <= 51);

        var search = await secretary.GetPageAsync($"/communities/{Slug}/meetings/{meetingId}/attendance?q=aisha");
        Assert.Equal(["Aisha Begum"], search.QuerySelectorAll("main form[method=post] legend").Select(l => l.TextContent.Trim()).ToList());
    }

    [Fact]
    public async Task Post_records_the_page_and_every_rsvp_not_on_it_and_sets_recorded_at()
    {
        var meetingId = await _portal.MeetingAsync(TimeSpan.FromDays(1));
        await _portal.RsvpAsync(meetingId, DemoData.MemberEmail, RsvpAnswer.Attending);
        await _portal.RsvpAsync(meetingId, DemoData.ChairEmail, RsvpAnswer.Apologies);
        _portal.Clock.Advance(TimeSpan.FromDays(1).Add(TimeSpan.FromHours(3)));
        var url = $"/communities/{Slug}/meetings/{meetingId}/attendance?q=tomasz";
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        var response = await secretary.SubmitFormAsync(url, Html.Form(("Rows[0].Status", "Attended"), ("Rows[0].Consent", "true")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var rows = await _portal.WithDbAsync(db => db.MeetingAttendance.Where(a => a.MeetingId == meetingId).OrderBy(a => a.Name).ToListAsync());
        Assert.Equal(
            [("Aisha Begum", AttendanceStatus.Attended, false), ("Hannah Whitfield", AttendanceStatus.Apologies, false), ("Tomasz Nowak", AttendanceStatus.Attended, true)],
            rows.Select(r => (r.Name, r.Status, r.ConsentsToShareContact)).ToList());
        Assert.Equal(_portal.Clock.GetUtcNow(), await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.AttendanceRecordedAt).SingleAsync()));
        Assert.Equal(3, await _portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(MeetingAttendance) && a.Action == "Added" && a.Changes!.Contains("\"MeetingId\":[null," + meetingId + "]"))));

        // A second save changes the row in place (audited as a change), and the page shows what was recorded.
        var again = await secretary.SubmitFormAsync($"/communities/{Slug}/meetings/{meetingId}/attendance?q=aisha", Html.Form(("Rows[0].Status", "Absent")));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(AttendanceStatus.Absent, await _portal.WithDbAsync(db => db.MeetingAttendance.Where(a => a.MeetingId == meetingId && a.Name == "Aisha Begum").Select(a => a.Status).SingleAsync()));
        Assert.Equal(3, await _portal.WithDbAsync(db => db.MeetingAttendance.CountAsync(a => a.MeetingId == meetingId)));
        var page = await secretary.GetPageAsync($"/communities/{Slug}/meetings/{meetingId}/attendance?q=aisha");
        Assert.Equal("Absent", Checked(page, "Aisha Begum"));
    }

    [Fact]
    public async Task Post_with_a_made_up_status_is_an_error_and_saves_nothing()
    {
        var meetingId = await _portal.MeetingAsync(TimeSpan.FromHours(-3));
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var response = await staff.SubmitFormAsync($"/communities/{Slug}/meetings/{meetingId}/attendance?q=aisha", Html.Form(("Rows[0].Status", "Asleep")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Select attended, apologies or absent"], (await Html.ParseAsync(response)).ErrorSummary());
        Assert.Equal(0, await _portal.WithDbAsync(db => db.MeetingAttendance.CountAsync(a => a.MeetingId == meetingId)));
    }

    [Fact]
    public async Task A_member_may_not_record_attendance()
    {
        var meetingId = await _portal.MeetingAsync(TimeSpan.FromHours(-3));
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var response = await member.GetAsync($"/communities/{Slug}/meetings/{meetingId}/attendance");
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || (response.Headers.Location?.OriginalString ?? "").Contains("/account/access-denied", StringComparison.Ordinal));
    }
}
