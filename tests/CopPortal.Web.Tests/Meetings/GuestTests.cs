using System.Net;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Tests.Meetings;

public sealed class GuestTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private const string Slug = ParticipationTestData.Slug;
    private readonly PortalFactory _portal = shared.Fresh();

    private async Task<(int MeetingId, string Token)> InviteAsync(string email = "expert@example.org", int? meetingId = null)
    {
        var id = meetingId ?? await _portal.MeetingAsync(TimeSpan.FromDays(7));
        var client = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        var response = await client.SubmitFormAsync($"/communities/{Slug}/meetings/{id}/guests",
            Html.Form(("Input.Name", "Jo Expert"), ("Input.Email", email), ("Input.Role", "Expert by experience"), ("Input.Organisation", "Voices Together")),
            formSelector: "main form[novalidate]");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mail = (await _portal.OutboxAsync()).Last(m => m.ToAddress == email);
        return (id, ParticipationTestData.GuestToken(mail.TextBody));
    }

    [Fact]
    public async Task Post_invite_emails_a_calendar_invitation_with_a_secret_link_and_stores_only_its_hash()
    {
        var (meetingId, token) = await InviteAsync();
        var mail = Assert.Single(await _portal.OutboxAsync());
        Assert.Equal(MeetingInvitations.GuestInvitationEmail, mail.Kind);
        Assert.Equal("expert@example.org", mail.ToAddress);
        Assert.Contains("METHOD:REQUEST", mail.CalendarAttachment, StringComparison.Ordinal);
        Assert.Contains($"http://localhost/meetings/guest/{token}", mail.TextBody, StringComparison.Ordinal);

        var guest = await _portal.WithDbAsync(db => db.MeetingGuests.SingleAsync());
        Assert.Equal(meetingId, guest.MeetingId);
        Assert.Equal("Jo Expert", guest.Name);
        Assert.Equal(Invitation.HashToken(token), guest.TokenHash);
        Assert.DoesNotContain(token, guest.TokenHash, StringComparison.Ordinal);
        var audit = await _portal.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(MeetingGuest)).ToListAsync());
        Assert.Single(audit);
        Assert.DoesNotContain(token, audit[0].Changes, StringComparison.Ordinal);

        var list = await (await _portal.SignedInClientAsync(DemoData.SecretaryEmail)).GetPageAsync($"/communities/{Slug}/meetings/{meetingId}/guests");
        Assert.Contains("Jo Expert", list.MainText(), StringComparison.Ordinal);
        Assert.Contains("Not answered yet", list.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guest_link_shows_that_meeting_only_and_takes_an_answer()
    {
        var (meetingId, token) = await InviteAsync();
        var otherMeeting = await _portal.MeetingAsync(TimeSpan.FromDays(9), "Another meeting");
        var guest = _portal.CreateBrowserClient();
        var page = await guest.GetPageAsync($"/meetings/guest/{token}");
        Assert.Contains("Spotlight on supervision", page.MainText(), StringComparison.Ordinal);
        Assert.Contains("Join the meeting online", page.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Another meeting", page.MainText(), StringComparison.Ordinal);

        var ics = await guest.GetStringAsync($"/meetings/guest/{token}/meeting.ics");
        var uids = await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Id == meetingId || m.Id == otherMeeting).ToDictionaryAsync(m => m.Id, m => m.CalendarUid));
        Assert.Contains("UID:" + uids[meetingId], ics, StringComparison.Ordinal);
        Assert.DoesNotContain(uids[otherMeeting], ics, StringComparison.Ordinal);

        // Without an account the guest reaches none of the CoP's member pages.
        foreach (var url in new[] { $"/communities/{Slug}/meetings/polls", $"/communities/{Slug}/meetings/{otherMeeting}/guests", $"/communities/{Slug}/meetings/{meetingId}/attendance" })
        {
            var response = await guest.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var answered = await guest.SubmitFormAsync($"/meetings/guest/{token}", Html.Form(("Input.Answer", "Apologies")));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal(RsvpAnswer.Apologies, await _portal.WithDbAsync(db => db.MeetingGuests.Select(g => g.Answer).SingleAsync()));
        var list = await (await _portal.SignedInClientAsync(DemoData.SecretaryEmail)).GetPageAsync($"/communities/{Slug}/meetings/{meetingId}/guests");
        Assert.Contains("Apologies", list.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoked_or_made_up_link_is_404()
    {
        var (meetingId, token) = await InviteAsync();
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        var revoke = await secretary.SubmitFormAsync($"/communities/{Slug}/meetings/{meetingId}/guests", [], formSelector: "main form[action*='handler=Revoke']");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.NotNull(await _portal.WithDbAsync(db => db.MeetingGuests.Select(g => g.RevokedAt).SingleAsync()));

        var guest = _portal.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync($"/meetings/guest/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync($"/meetings/guest/{token}/meeting.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync("/meetings/guest/" + Invitation.NewToken())).StatusCode);
    }

    [Fact]
    public async Task Cancelled_meeting_takes_no_answer_from_a_guest()
    {
        var (meetingId, token) = await InviteAsync();
        var guest = _portal.CreateBrowserClient();
        var page = await guest.GetPageAsync($"/meetings/guest/{token}");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form")!;
        await _portal.WithDbAsync(async db =>
        {
            var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId);
            meeting.Status = MeetingStatus.Cancelled;
            await db.SaveChangesAsync();
        });
        var response = await guest.PostFormAsync(form, Html.Form(("Input.Answer", "Attending")), $"/meetings/guest/{token}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await Html.ParseAsync(response);
        Assert.Equal(["This meeting has been cancelled, so it is not taking answers"], after.ErrorSummary());
        Assert.Null(await _portal.WithDbAsync(db => db.MeetingGuests.Select(g => g.Answer).SingleAsync()));
        Assert.Null((await guest.GetPageAsync($"/meetings/guest/{token}")).QuerySelector("main form"));
    }

    [Fact]
    public async Task Post_invite_with_bad_input_shows_errors_and_saves_nothing()
    {
        var meetingId = await _portal.MeetingAsync(TimeSpan.FromDays(7));
        var client = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        var response = await client.SubmitFormAsync($"/communities/{Slug}/meetings/{meetingId}/guests", Html.Form(("Input.Name", " "), ("Input.Email", "not-an-email")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(["Enter the guest's name", "Enter an email address in the correct format, like name@example.nhs.uk"], page.ErrorSummary());
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(0, await _portal.WithDbAsync(db => db.MeetingGuests.CountAsync()));
        Assert.Empty(await _portal.OutboxAsync());
    }

    [Fact]
    public async Task Past_meeting_takes_no_new_guests_and_a_member_may_not_invite()
    {
        var past = await _portal.MeetingAsync(TimeSpan.FromDays(-1));
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        var page = await secretary.GetPageAsync($"/communities/{Slug}/meetings/{past}/guests");
        Assert.Null(page.QuerySelector("main form[novalidate]"));

        var future = await _portal.MeetingAsync(TimeSpan.FromDays(7));
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var denied = await member.GetAsync($"/communities/{Slug}/meetings/{future}/guests");
        Assert.True(denied.StatusCode == HttpStatusCode.Forbidden || (denied.Headers.Location?.OriginalString ?? "").Contains("/account/access-denied", StringComparison.Ordinal));
        // Another CoP's meeting under this CoP's address is not found.
        var elsewhere = await _portal.MeetingAsync(TimeSpan.FromDays(7), slug: ParticipationTestData.OtherSlug);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/communities/{Slug}/meetings/{elsewhere}/guests")).StatusCode);
    }
}
