using System.Net;
using System.Text.RegularExpressions;
using CopPortal.Domain.Data;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Web.Tests.Joining;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Meetings;

/// <summary>Scheduling, changing and cancelling meetings, with the invitations in the outbox parsed back as calendars.</summary>
public sealed partial class MeetingSchedulingTests(SharedPortal shared) : IClassFixture<SharedPortal>, IAsyncLifetime
{
    private const string Slug = DemoData.PractitionersSlug;
    private readonly PortalFactory _portal = shared.Fresh();

    // The demo network already holds meetings (held ones with attendance and reports); these tests look only at
    // the meetings they make themselves.
    private int DemoMeetingsUpTo { get; set; }

    public async Task InitializeAsync() =>
        DemoMeetingsUpTo = await _portal.WithDbAsync(db => db.Meetings.MaxAsync(m => (int?)m.Id)) ?? 0;

    public Task DisposeAsync() => Task.CompletedTask;

    // Tuesday 12 January 2027, 2pm to 4pm UK time (GMT); the test clock stands at 18 November 2026.
    private static Dictionary<string, string> MeetingForm(string repeat = MeetingInputRepeat.Once, params (string, string)[] extra)
    {
        var form = Html.Form(
            ("Input.Title", "Winter meeting"),
            ("Input.SessionType", nameof(MeetingSessionType.Regular)),
            ("Input.Date.Day", "12"), ("Input.Date.Month", "1"), ("Input.Date.Year", "2027"),
            ("Input.StartTime", "14:00"), ("Input.EndTime", "16:00"),
            ("Input.Mode", nameof(MeetingMode.Online)),
            ("Input.JoinUrl", "https://teams.example.com/l/meetup-join/abc"),
            ("Input.Repeat", repeat));
        foreach (var (k, v) in extra)
        {
            form[k] = v;
        }
        return form;
    }

    private static class MeetingInputRepeat
    {
        public const string Once = "once";
        public const string Terms = "terms";
    }

    private Task<int> MemberCountAsync() =>
        _portal.WithDbAsync(db => db.Memberships.CountAsync(m => m.Community!.Slug == Slug && m.User!.Email != null && m.User.ClosedAt == null));

    private static Calendar Parse(OutboxMessage message) => Calendar.Load(message.CalendarAttachment!)!;

    [Fact]
    public async Task Secretary_schedules_a_meeting_and_every_member_gets_a_request_with_sequence_0()
    {
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        var response = await secretary.SubmitFormAsync($"/communities/{Slug}/meetings/new", MeetingForm());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var meeting = await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Id > DemoMeetingsUpTo).SingleAsync());
        Assert.Equal(new DateTimeOffset(2027, 1, 12, 14, 0, 0, TimeSpan.Zero), meeting.StartsAt);
        Assert.Equal($"/communities/{Slug}/meetings/{meeting.Id}", response.Headers.Location!.OriginalString);

        // The request queued one run for the background, not a message per member.
        Assert.Empty(await _portal.OutboxAsync());
        var run = Assert.Single(await _portal.WithDbAsync(db => db.MeetingInvitationRuns.ToListAsync()));
        Assert.Equal((meeting.Id, MeetingInvitationKind.Invitation, 0), (run.MeetingId, run.Kind, run.Sequence));
        await _portal.ExpandMeetingInvitationsAsync();

        var mail = (await _portal.OutboxAsync()).Where(m => m.Kind == MeetingInvitations.InvitationEmail).ToList();
        Assert.Equal(await MemberCountAsync(), mail.Count);
        Assert.Contains(mail, m => m.ToAddress == DemoData.MemberEmail);
        Assert.All(mail, m =>
        {
            Assert.Equal(EmailTopic.MeetingInvitations, m.Topic);
            Assert.NotNull(m.UserId);
            var calendar = Parse(m);
            Assert.Equal("REQUEST", calendar.Method);
            Assert.Equal("Europe/London", Assert.Single(calendar.TimeZones).TzId);
            var ev = Assert.Single(calendar.Events);
            Assert.Equal(meeting.CalendarUid, ev.Uid);
            Assert.Equal(0, ev.Sequence);
            Assert.Equal("mailto:" + m.ToAddress, Assert.Single(ev.Attendees).Value!.ToString());
        });
        Assert.True(await _portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Meeting) && a.Action == "Added")));
    }

    [Fact]
    public async Task A_series_from_the_terms_cadence_makes_a_year_of_meetings_at_the_same_local_time()
    {
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var response = await chair.SubmitFormAsync($"/communities/{Slug}/meetings/new", MeetingForm(MeetingInputRepeat.Terms));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // Every 3 months (the practitioners' ToR) on the 2nd Tuesday; April and July are in British Summer Time.
        var starts = await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Id > DemoMeetingsUpTo).OrderBy(m => m.StartsAt).Select(m => m.StartsAt).ToListAsync());
        Assert.Equal(
            [
                new DateTimeOffset(2027, 1, 12, 14, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2027, 4, 13, 13, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2027, 7, 13, 13, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2027, 10, 12, 13, 0, 0, TimeSpan.Zero),
            ],
            starts);
        var series = await _portal.WithDbAsync(db => db.MeetingSeries.SingleAsync());
        Assert.Equal(new MonthlyWeekdayCadence(3, 2, DayOfWeek.Tuesday), CadenceRule.FromJson(series.Rule));
        await _portal.ExpandMeetingInvitationsAsync();
        var invitations = (await _portal.OutboxAsync()).Count(m => m.Kind == MeetingInvitations.InvitationEmail);
        Assert.Equal(4 * await MemberCountAsync(), invitations);

        var list = await chair.GetPageAsync($"/communities/{Slug}/meetings");
        Assert.Equal(4, list.QuerySelectorAll("#upcoming-meetings li").Length);
        Assert.Contains("Schedule a meeting", list.MainText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Input.EndTime", "13:00", "The end time must be after the start time")]
    [InlineData("Input.JoinUrl", "http://teams.example.com/join", "Enter the joining link as a full web address starting with https://")]
    [InlineData("Input.Date.Year", "2025", "The meeting must start in the future. To record a meeting already held, tick the box below")]
    [InlineData("Input.Title", "", "Enter a title")]
    public async Task Bad_input_is_an_error_summary_and_saves_nothing(string field, string value, string message)
    {
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        var response = await secretary.SubmitFormAsync($"/communities/{Slug}/meetings/new", MeetingForm(extra: (field, value)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal([message], page.ErrorSummary());
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(0, await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Id > DemoMeetingsUpTo).CountAsync()));
        Assert.Empty(await _portal.OutboxAsync());
    }

    [Fact]
    public async Task A_meeting_already_held_can_be_recorded_when_ticked_and_invites_nobody()
    {
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        var response = await secretary.SubmitFormAsync($"/communities/{Slug}/meetings/new", MeetingForm(extra: [("Input.Date.Year", "2025"), ("Input.AlreadyHeld", "true")]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Id > DemoMeetingsUpTo).CountAsync()));
        Assert.Empty(await _portal.OutboxAsync());
    }

    [Fact]
    public async Task Editing_one_meeting_sends_a_request_with_a_higher_sequence()
    {
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        await chair.SubmitFormAsync($"/communities/{Slug}/meetings/new", MeetingForm(MeetingInputRepeat.Terms));
        var ids = await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Id > DemoMeetingsUpTo).OrderBy(m => m.StartsAt).Select(m => m.Id).ToListAsync());

        var response = await chair.SubmitFormAsync($"/communities/{Slug}/meetings/{ids[1]}/edit", Html.Form(("Input.Scope", "one"), ("Input.StartTime", "10:00"), ("Input.EndTime", "11:30")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await _portal.ExpandMeetingInvitationsAsync();
        var meetings = await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Id > DemoMeetingsUpTo).OrderBy(m => m.StartsAt).ToListAsync());
        Assert.Equal(new DateTimeOffset(2027, 4, 13, 9, 0, 0, TimeSpan.Zero), meetings[1].StartsAt);
        Assert.Equal(new DateTimeOffset(2027, 7, 13, 13, 0, 0, TimeSpan.Zero), meetings[2].StartsAt);
        var updates = (await _portal.OutboxAsync()).Where(m => m.Kind == MeetingInvitations.UpdateEmail).ToList();
        Assert.Equal(await MemberCountAsync(), updates.Count);
        Assert.All(updates, m =>
        {
            var calendar = Parse(m);
            Assert.Equal("REQUEST", calendar.Method);
            Assert.Equal(1, calendar.Events.Single().Sequence);
            Assert.Equal(meetings[1].CalendarUid, calendar.Events.Single().Uid);
        });
    }

    [Fact]
    public async Task Editing_this_and_all_future_changes_the_later_occurrences_only()
    {
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        await chair.SubmitFormAsync($"/communities/{Slug}/meetings/new", MeetingForm(MeetingInputRepeat.Terms));
        var ids = await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Id > DemoMeetingsUpTo).OrderBy(m => m.StartsAt).Select(m => m.Id).ToListAsync());

        var response = await chair.SubmitFormAsync($"/communities/{Slug}/meetings/{ids[1]}/edit", Html.Form(("Input.Scope", "future"), ("Input.Title", "Spring and after"), ("Input.StartTime", "15:00"), ("Input.EndTime", "16:00")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var meetings = await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Id > DemoMeetingsUpTo).OrderBy(m => m.StartsAt).ToListAsync());
        Assert.Equal("Winter meeting", meetings[0].Title);
        Assert.Equal(0, meetings[0].CalendarSequence);
        Assert.All(meetings.Skip(1), m => Assert.Equal("Spring and after", m.Title));
        Assert.All(meetings.Skip(1), m => Assert.Equal(1, m.CalendarSequence));
        Assert.All(meetings.Skip(1), m => Assert.Equal(new TimeOnly(15, 0), MeetingTimes.LocalTime(m.StartsAt)));
        Assert.Equal(new DateTimeOffset(2027, 10, 12, 14, 0, 0, TimeSpan.Zero), meetings[3].StartsAt);
        await _portal.ExpandMeetingInvitationsAsync();
        Assert.Equal(3 * await MemberCountAsync(), (await _portal.OutboxAsync()).Count(m => m.Kind == MeetingInvitations.UpdateEmail));
    }

    [Fact]
    public async Task Cancelling_sends_cancel_with_a_higher_sequence_and_the_meeting_takes_no_replies()
    {
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        await secretary.SubmitFormAsync($"/communities/{Slug}/meetings/new", MeetingForm());
        var id = await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Id > DemoMeetingsUpTo).Select(m => m.Id).SingleAsync());

        var empty = await secretary.SubmitFormAsync($"/communities/{Slug}/meetings/{id}/cancel", Html.Form(("Input.Reason", "")));
        Assert.Equal(["Enter the reason for cancelling"], (await Html.ParseAsync(empty)).ErrorSummary());

        var response = await secretary.SubmitFormAsync($"/communities/{Slug}/meetings/{id}/cancel", Html.Form(("Input.Reason", "The chair is unwell")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var meeting = await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Id > DemoMeetingsUpTo).SingleAsync());
        Assert.Equal(MeetingStatus.Cancelled, meeting.Status);

        await _portal.ExpandMeetingInvitationsAsync();
        var cancels = (await _portal.OutboxAsync()).Where(m => m.Kind == MeetingInvitations.CancellationEmail).ToList();
        Assert.Equal(await MemberCountAsync(), cancels.Count);
        Assert.All(cancels, m =>
        {
            var calendar = Parse(m);
            Assert.Equal("CANCEL", calendar.Method);
            Assert.Equal(1, calendar.Events.Single().Sequence);
            Assert.Equal("CANCELLED", calendar.Events.Single().Status);
            Assert.Contains("The chair is unwell", m.TextBody, StringComparison.Ordinal);
        });

        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var page = await member.GetPageAsync($"/communities/{Slug}/meetings/{id}");
        Assert.Contains("This meeting has been cancelled.", page.MainText(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("input[name='Rsvp.Answer']"));
    }

    [Fact]
    public async Task Cancelling_the_whole_series_cancels_every_future_occurrence_and_sends_cancel_for_each()
    {
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        await chair.SubmitFormAsync($"/communities/{Slug}/meetings/new", MeetingForm(MeetingInputRepeat.Terms));
        var ids = await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Id > DemoMeetingsUpTo).OrderBy(m => m.StartsAt).Select(m => m.Id).ToListAsync());
        await _portal.ExpandMeetingInvitationsAsync();

        var page = await chair.GetPageAsync($"/communities/{Slug}/meetings/{ids[1]}/cancel");
        Assert.Contains("Every future meeting in the series (4 meetings, this one included)", page.MainText(), StringComparison.Ordinal);
        var empty = await chair.SubmitFormAsync($"/communities/{Slug}/meetings/{ids[1]}/cancel", Html.Form(("Input.Scope", "series"), ("Input.Reason", "")));
        Assert.Equal(["Enter the reason for cancelling"], (await Html.ParseAsync(empty)).ErrorSummary());
        Assert.StartsWith("Error: ", (await Html.ParseAsync(empty)).Title, StringComparison.Ordinal);
        Assert.Equal(0, await _portal.WithDbAsync(db => db.Meetings.CountAsync(m => m.Id > DemoMeetingsUpTo && m.Status == MeetingStatus.Cancelled)));

        // One held occurrence stays as it was: move the clock past the first.
        _portal.Clock.Set(new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero));
        chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var response = await chair.SubmitFormAsync($"/communities/{Slug}/meetings/{ids[1]}/cancel", Html.Form(("Input.Scope", "series"), ("Input.Reason", "The community is taking a break")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var meetings = await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Id > DemoMeetingsUpTo).OrderBy(m => m.StartsAt).ToListAsync());
        Assert.Equal(MeetingStatus.Scheduled, meetings[0].Status);
        Assert.All(meetings.Skip(1), m => Assert.Equal((MeetingStatus.Cancelled, "The community is taking a break", 1), (m.Status, m.CancellationReason, m.CalendarSequence)));
        Assert.NotNull((await _portal.WithDbAsync(db => db.MeetingSeries.SingleAsync())).EndDate);
        Assert.Equal(3, await _portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(Meeting) && a.Action == "Modified" && a.Changes!.Contains("Cancelled"))));

        await _portal.ExpandMeetingInvitationsAsync();
        var cancels = (await _portal.OutboxAsync()).Where(m => m.Kind == MeetingInvitations.CancellationEmail).ToList();
        Assert.Equal(3 * await MemberCountAsync(), cancels.Count);
        Assert.Equal(meetings.Skip(1).Select(m => m.CalendarUid).Order().ToList(), cancels.Select(m => Parse(m).Events.Single().Uid!).Distinct().Order().ToList());
        Assert.All(cancels, m => Assert.Equal(("CANCEL", 1), (Parse(m).Method, Parse(m).Events.Single().Sequence)));
    }

    [Fact]
    public async Task Member_sends_apologies_from_the_email_link_and_the_chair_sees_them()
    {
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        await secretary.SubmitFormAsync($"/communities/{Slug}/meetings/new", MeetingForm());
        var id = await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Id > DemoMeetingsUpTo).Select(m => m.Id).SingleAsync());
        await _portal.ExpandMeetingInvitationsAsync();
        var mail = (await _portal.OutboxAsync()).Single(m => m.ToAddress == DemoData.MemberEmail);
        var link = ApologiesLink().Match(mail.TextBody).Groups[1].Value;
        var path = new Uri(link).PathAndQuery;

        // Not signed in: the signed token names the member. Opening the link changes nothing until confirmed.
        var anonymous = _portal.CreateBrowserClient();
        var confirm = await anonymous.GetPageAsync(path);
        Assert.Contains("Replying as Aisha Begum", confirm.MainText(), StringComparison.Ordinal);
        Assert.Equal(0, await _portal.WithDbAsync(db => db.MeetingResponses.Where(r => r.MeetingId > DemoMeetingsUpTo).CountAsync()));
        var response = await anonymous.SubmitFormAsync(path, Html.Form(("Rsvp.Message", "On leave that week")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var answer = await _portal.WithDbAsync(db => db.MeetingResponses.Where(r => r.MeetingId > DemoMeetingsUpTo).Include(r => r.User).SingleAsync());
        Assert.Equal(RsvpAnswer.Apologies, answer.Answer);
        Assert.Equal(DemoData.MemberEmail, answer.User!.Email);
        Assert.Equal("On leave that week", answer.Message);

        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var page = await chair.GetPageAsync($"/communities/{Slug}/meetings/{id}");
        Assert.Contains("Aisha Begum: On leave that week", page.QuerySelector("#apologies")!.TextContent, StringComparison.Ordinal);

        // A tampered token, or one for another meeting, answers for nobody.
        var forged = await anonymous.GetPageAsync(path.Replace("token=", "token=x", StringComparison.Ordinal));
        Assert.Contains("This link is not valid.", forged.MainText(), StringComparison.Ordinal);
        Assert.Null(forged.QuerySelector("main form"));
    }

    [Fact]
    public async Task The_core_team_sees_reply_counts_the_first_names_of_each_answer_and_everyone_on_request()
    {
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        await secretary.SubmitFormAsync($"/communities/{Slug}/meetings/new", MeetingForm());
        var id = await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Id > DemoMeetingsUpTo).Select(m => m.Id).SingleAsync());
        const int attending = Pages.Communities.Meetings.MeetingModel.RepliesShown + 7;
        const int apologies = 3;
        var names = await _portal.WithDbAsync(async db =>
        {
            var people = await db.Users.OrderBy(u => u.Id).Take(attending + apologies).Select(u => new { u.Id, u.DisplayName }).ToListAsync();
            Assert.Equal(attending + apologies, people.Count);
            db.MeetingResponses.AddRange(people.Select((p, i) => new MeetingResponse
            {
                MeetingId = id,
                UserId = p.Id,
                Answer = i < attending ? RsvpAnswer.Attending : RsvpAnswer.Apologies,
                Message = i < attending ? null : "Clinic " + i,
                RespondedAt = _portal.Clock.GetUtcNow(),
            }));
            await db.SaveChangesAsync();
            return people.Select(p => p.DisplayName).ToList();
        });
        var url = $"/communities/{Slug}/meetings/{id}";

        var page = await secretary.GetPageAsync(url);
        Assert.Contains($"{attending} people have said they will attend.", page.MainText(), StringComparison.Ordinal);
        Assert.Contains($"{apologies} people have sent apologies.", page.MainText(), StringComparison.Ordinal);
        var listed = page.QuerySelectorAll("#attending li").Select(li => li.TextContent).ToList();
        Assert.Equal(Pages.Communities.Meetings.MeetingModel.RepliesShown, listed.Count);
        Assert.Equal(names.Take(attending).Order(StringComparer.CurrentCulture).Take(listed.Count), listed);
        var more = page.QuerySelector("#attending-more")!;
        Assert.Contains("And 7 more.", more.TextContent, StringComparison.Ordinal);
        Assert.Equal(url + "?replies=all", more.QuerySelector("a")!.GetAttribute("href"));
        // Apologies are few here, so all are listed, with their messages.
        Assert.Equal(apologies, page.QuerySelectorAll("#apologies li").Length);
        Assert.Null(page.QuerySelector("#apologies-more"));
        Assert.Contains("Clinic " + attending, page.QuerySelector("#apologies")!.TextContent, StringComparison.Ordinal);

        var everyone = await secretary.GetPageAsync(url + "?replies=all");
        Assert.Equal(names.Take(attending).Order(StringComparer.CurrentCulture), everyone.QuerySelectorAll("#attending li").Select(li => li.TextContent));
        Assert.Null(everyone.QuerySelector("#attending-more"));
    }

    [Fact]
    public async Task Member_replies_on_the_meeting_page_and_can_change_the_answer()
    {
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        await secretary.SubmitFormAsync($"/communities/{Slug}/meetings/new", MeetingForm());
        var id = await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Id > DemoMeetingsUpTo).Select(m => m.Id).SingleAsync());
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var url = $"/communities/{Slug}/meetings/{id}";

        var none = await member.SubmitFormAsync(url, Html.Form(("Rsvp.Message", "")));
        Assert.Equal(["Select whether you will attend or send apologies"], (await Html.ParseAsync(none)).ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitFormAsync(url, Html.Form(("Rsvp.Answer", "Attending")))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitFormAsync(url, Html.Form(("Rsvp.Answer", "Apologies"), ("Rsvp.Message", "Clinic overran")))).StatusCode);
        var answer = await _portal.WithDbAsync(db => db.MeetingResponses.Where(r => r.MeetingId > DemoMeetingsUpTo).SingleAsync());
        Assert.Equal(RsvpAnswer.Apologies, answer.Answer);

        var page = await member.GetPageAsync(url);
        Assert.NotNull(page.QuerySelector("a[href='https://teams.example.com/l/meetup-join/abc']"));
        // Only the core team sees who is coming.
        Assert.Null(page.QuerySelector("#apologies"));
    }

    [Fact]
    public async Task Members_download_the_meeting_as_ics_with_zone_method_and_sequence()
    {
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        await secretary.SubmitFormAsync($"/communities/{Slug}/meetings/new", MeetingForm());
        var meeting = await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Id > DemoMeetingsUpTo).SingleAsync());
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var response = await member.GetAsync($"/communities/{Slug}/meetings/{meeting.Id}.ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal("Europe/London", calendar.TimeZones.Single().TzId);
        var ev = calendar.Events.Single();
        Assert.Equal(meeting.CalendarUid, ev.Uid);
        Assert.Equal(0, ev.Sequence);
        Assert.Equal(14, ev.DtStart!.Value.Hour);
        Assert.Contains("https://teams.example.com/l/meetup-join/abc", ev.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approving_a_join_request_invites_to_future_meetings_and_leaving_cancels_them()
    {
        // A future and a past meeting in the CAPs community, which the demo member has not joined.
        var capsId = await _portal.WithDbAsync(db => db.Communities.Where(c => c.Slug == JoiningTestData.Caps).Select(c => c.Id).SingleAsync());
        var now = _portal.Clock.GetUtcNow();
        await _portal.WithDbAsync(async db =>
        {
            db.Meetings.Add(new Meeting { CommunityId = capsId, Title = "Future", StartsAt = now.AddDays(20), EndsAt = now.AddDays(20).AddHours(1), CalendarUid = "future@test" });
            db.Meetings.Add(new Meeting { CommunityId = capsId, Title = "Past", StartsAt = now.AddDays(-20), EndsAt = now.AddDays(-20).AddHours(1), CalendarUid = "past@test" });
            await db.SaveChangesAsync();
        });
        var id = await _portal.SubmitAsync(DemoData.MemberEmail, JoiningTestData.Caps);
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitFormAsync($"/staff/join-requests/{id}", [], "#approve-form")).StatusCode);

        var invitation = Assert.Single(await _portal.OutboxAsync(), m => m.Kind == MeetingInvitations.InvitationEmail);
        Assert.Equal(DemoData.MemberEmail, invitation.ToAddress);
        Assert.Equal("future@test", Parse(invitation).Events.Single().Uid);
        Assert.Equal("REQUEST", Parse(invitation).Method);

        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitFormAsync($"/my/communities/{JoiningTestData.Caps}/leave", [])).StatusCode);
        var cancel = Assert.Single(await _portal.OutboxAsync(), m => m.Kind == MeetingInvitations.CancellationEmail);
        Assert.Equal(DemoData.MemberEmail, cancel.ToAddress);
        Assert.Equal("CANCEL", Parse(cancel).Method);
        Assert.Equal("future@test", Parse(cancel).Events.Single().Uid);
    }

    [GeneratedRegex(@"Send apologies: (\S+)")]
    private static partial Regex ApologiesLink();
}
