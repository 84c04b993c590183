using System.Net;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.Meetings.Polls;
using CopPortal.Domain.Messaging;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Meetings;

public sealed class PollTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private const string Slug = ParticipationTestData.Slug;
    private readonly PortalFactory _portal = shared.Fresh();

    // The test clock starts on 18 November 2026 at 10:00 UTC.
    private static Dictionary<string, string> NewPoll(params (string Date, string Time)[] options)
    {
        var fields = Html.Form(
            ("Input.Title", "Spring spotlight"), ("Input.Mode", "Online"), ("Input.JoinUrl", "https://teams.example.nhs.uk/spring"),
            ("Input.DurationMinutes", "90"), ("Input.ClosesOn.Day", "30"), ("Input.ClosesOn.Month", "11"), ("Input.ClosesOn.Year", "2026"));
        for (var i = 0; i < options.Length; i++)
        {
            var parts = options[i].Date.Split('/');
            fields[$"Input.Options[{i}].Date.Day"] = parts[0];
            fields[$"Input.Options[{i}].Date.Month"] = parts[1];
            fields[$"Input.Options[{i}].Date.Year"] = parts[2];
            fields[$"Input.Options[{i}].Time"] = options[i].Time;
        }
        return fields;
    }

    private async Task<int> CreateAsync()
    {
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        var response = await secretary.SubmitFormAsync($"/communities/{Slug}/meetings/polls/new", NewPoll(("3/12/2026", "14:00"), ("8/12/2026", "9:30am"), ("10/12/2026", "2pm")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await _portal.WithDbAsync(db => db.MeetingPolls.Where(p => p.Title == "Spring spotlight").Select(p => p.Id).SingleAsync());
    }

    private async Task AnswerAsync(string email, int pollId, params string[] choices)
    {
        var client = await _portal.SignedInClientAsync(email);
        var fields = Html.Form(choices.Select((c, i) => ($"Answers[{i}].Choice", c)).ToArray());
        var response = await client.SubmitFormAsync($"/communities/{Slug}/meetings/polls/{pollId}", fields, formSelector: "main form.app-poll-answers");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Post_new_poll_saves_options_in_uk_time_and_emails_every_member()
    {
        var pollId = await CreateAsync();
        var poll = await _portal.WithDbAsync(db => db.MeetingPolls.Include(p => p.Options).SingleAsync(p => p.Id == pollId));
        Assert.Equal(
            [new DateTimeOffset(2026, 12, 3, 14, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 8, 9, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 10, 14, 0, 0, TimeSpan.Zero)],
            poll.Options.OrderBy(o => o.StartsAt).Select(o => o.StartsAt.ToUniversalTime()).ToList());
        Assert.All(poll.Options, o => Assert.Equal(TimeSpan.FromMinutes(90), o.EndsAt - o.StartsAt));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), poll.ClosesAt.ToUniversalTime());

        var mail = (await _portal.OutboxAsync()).Where(m => m.Kind == PollService.OpenedKind).ToList();
        Assert.Equal(await _portal.MemberCountAsync(), mail.Count);
        Assert.All(mail, m => Assert.Equal(EmailTopic.MeetingInvitations, m.Topic));
        var aisha = Assert.Single(mail, m => m.ToAddress == DemoData.MemberEmail);
        Assert.Equal("Help find a date: Spring spotlight (Psychological Practitioners)", aisha.Subject);
        Assert.Contains($"http://localhost/communities/{Slug}/meetings/polls/{pollId}", aisha.TextBody, StringComparison.Ordinal);
        Assert.Contains(await _portal.WithDbAsync(db => db.AuditEntries.Select(a => a.EntityType).ToListAsync()), t => t == nameof(Poll));
    }

    [Fact]
    public async Task Get_polls_lists_open_polls_for_members_and_the_propose_button_for_the_core_team_only()
    {
        var pollId = await CreateAsync();
        var member = await (await _portal.SignedInClientAsync(DemoData.MemberEmail)).GetPageAsync($"/communities/{Slug}/meetings/polls");
        var open = member.QuerySelector("ul.app-polls-open")!;
        Assert.Contains(open.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/communities/{Slug}/meetings/polls/{pollId}" && a.TextContent == "Spring spotlight");
        Assert.Contains("closes at the end of 30 November 2026", open.TextContent, StringComparison.Ordinal);
        Assert.Null(member.QuerySelector($"main a[href='/communities/{Slug}/meetings/polls/new']"));
        var secretary = await (await _portal.SignedInClientAsync(DemoData.SecretaryEmail)).GetPageAsync($"/communities/{Slug}/meetings/polls");
        Assert.NotNull(secretary.QuerySelector($"main a[href='/communities/{Slug}/meetings/polls/new']"));
    }

    [Fact]
    public async Task Post_new_poll_with_bad_input_shows_each_problem_and_saves_nothing()
    {
        var pollsBefore = await _portal.WithDbAsync(db => db.MeetingPolls.CountAsync());
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        var fields = NewPoll(("29/11/2026", "25:00"));
        fields["Input.JoinUrl"] = "http://insecure.example.org";
        var response = await secretary.SubmitFormAsync($"/communities/{Slug}/meetings/polls/new", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(
            ["Enter a joining link that starts with https://", "Enter the start time as hours and minutes, like 14:00 or 2:30pm", "The poll must close before the first date you propose", "Enter at least 2 dates and times to choose from"],
            page.ErrorSummary());
        Assert.Equal(pollsBefore, await _portal.WithDbAsync(db => db.MeetingPolls.CountAsync()));
        Assert.Empty(await _portal.OutboxAsync());
    }

    [Fact]
    public async Task Members_answer_and_change_their_answers_and_the_table_ranks_the_best_fit_first()
    {
        var pollId = await CreateAsync();
        await AnswerAsync(DemoData.MemberEmail, pollId, "No", "Yes", "IfNeedBe");
        await AnswerAsync(DemoData.ChairEmail, pollId, "Yes", "IfNeedBe", "Yes");
        await AnswerAsync(DemoData.MemberEmail, pollId, "No", "Yes", "Yes");
        Assert.Equal(6, await _portal.WithDbAsync(db => db.MeetingPollAnswers.CountAsync(a => a.Option!.PollId == pollId)));

        var page = await (await _portal.SignedInClientAsync(DemoData.MemberEmail)).GetPageAsync($"/communities/{Slug}/meetings/polls/{pollId}");
        var rows = page.QuerySelectorAll("table.app-poll-results tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.CellText()).ToList()).ToList();
        // 10 Dec: 2 yes (4); 8 Dec: 1 yes + 1 if need be (3); 3 Dec: 1 yes, 1 no (2).
        Assert.StartsWith("10 December 2026", rows[0][0], StringComparison.Ordinal);
        Assert.Contains("Best fit", rows[0][0], StringComparison.Ordinal);
        Assert.Equal(["2", "0", "0"], rows[0].Skip(1).ToList());
        Assert.StartsWith("8 December 2026", rows[1][0], StringComparison.Ordinal);
        Assert.StartsWith("3 December 2026", rows[2][0], StringComparison.Ordinal);
        // A member sees their own answers and no pick buttons.
        Assert.Equal("Yes", page.QuerySelector("input[name='Answers[2].Choice']:checked")!.GetAttribute("value"));
        Assert.Empty(page.QuerySelectorAll("form[action*='handler=Pick']"));
    }

    [Fact]
    public void Rank_breaks_a_tie_on_score_by_fewer_no_answers()
    {
        var early = new PollOption { Id = 1, StartsAt = new DateTimeOffset(2027, 1, 1, 10, 0, 0, TimeSpan.Zero) };
        var late = new PollOption { Id = 2, StartsAt = new DateTimeOffset(2027, 1, 2, 10, 0, 0, TimeSpan.Zero) };
        var ranked = PollService.Rank([new PollOptionResult(early, Yes: 1, IfNeedBe: 2, No: 3), new PollOptionResult(late, Yes: 2, IfNeedBe: 0, No: 1)]);
        Assert.Equal([2, 1], ranked.Select(r => r.Option.Id).ToList());
    }

    [Fact]
    public async Task Chair_picks_an_option_which_becomes_a_meeting_with_invitations_to_every_member()
    {
        var meetingsBefore = await _portal.WithDbAsync(db => db.Meetings.CountAsync());
        var pollId = await CreateAsync();
        var optionId = await _portal.WithDbAsync(db => db.MeetingPollOptions.Where(o => o.PollId == pollId).OrderBy(o => o.StartsAt).Select(o => o.Id).Skip(1).FirstAsync());
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        // One form (one antiforgery token) for every option's pick button.
        var before = await chair.GetPageAsync($"/communities/{Slug}/meetings/polls/{pollId}");
        Assert.Single(before.QuerySelectorAll("main form[action*='handler=Pick']"));
        Assert.Equal(before.QuerySelectorAll("table.app-poll-results tbody tr").Length, before.QuerySelectorAll("table.app-poll-results button[form='poll-pick'][name='optionId']").Length);
        Assert.Empty(before.QuerySelectorAll("table.app-poll-results form"));
        var response = await chair.PressButtonAsync($"/communities/{Slug}/meetings/polls/{pollId}", $"main button[form='poll-pick'][name='optionId'][value='{optionId}']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var poll = await _portal.WithDbAsync(db => db.MeetingPolls.SingleAsync(p => p.Id == pollId));
        var meeting = await _portal.WithDbAsync(db => db.Meetings.SingleAsync(m => m.Id == poll.MeetingId));
        Assert.Equal("Spring spotlight", meeting.Title);
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 9, 30, 0, TimeSpan.Zero), meeting.StartsAt.ToUniversalTime());
        Assert.Equal("https://teams.example.nhs.uk/spring", meeting.JoinUrl);
        Assert.False(string.IsNullOrEmpty(meeting.CalendarUid));
        Assert.Equal(optionId, poll.ChosenOptionId);
        // The pick went through the scheduler: one run for the background, audited like any scheduled meeting.
        Assert.Equal(MeetingInvitationKind.Invitation, (await _portal.WithDbAsync(db => db.MeetingInvitationRuns.SingleAsync(r => r.MeetingId == meeting.Id))).Kind);
        await _portal.ExpandMeetingInvitationsAsync();

        var invitations = (await _portal.OutboxAsync()).Where(m => m.Kind == MeetingInvitations.InvitationEmail).ToList();
        Assert.Equal(await _portal.MemberCountAsync(), invitations.Count);
        Assert.All(invitations, m => Assert.Contains("METHOD:REQUEST", m.CalendarAttachment, StringComparison.Ordinal));
        Assert.All(invitations, m => Assert.Contains("UID:" + meeting.CalendarUid, m.CalendarAttachment, StringComparison.Ordinal));

        // A second pick changes nothing, and the poll takes no more answers.
        var page = await chair.GetPageAsync($"/communities/{Slug}/meetings/polls/{pollId}");
        Assert.Empty(page.QuerySelectorAll("form[action*='handler=Pick']"));
        Assert.Null(page.QuerySelector("form.app-poll-answers"));
        Assert.Equal(meetingsBefore + 1, await _portal.WithDbAsync(db => db.Meetings.CountAsync()));
    }

    [Fact]
    public async Task A_member_may_not_pick_and_nobody_answers_a_closed_poll()
    {
        var meetingsBefore = await _portal.WithDbAsync(db => db.Meetings.CountAsync());
        var pollId = await CreateAsync();
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var page = await member.GetPageAsync($"/communities/{Slug}/meetings/polls/{pollId}");
        Assert.NotNull(page.QuerySelector("main form.app-poll-answers"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var optionId = await _portal.WithDbAsync(db => db.MeetingPollOptions.Where(o => o.PollId == pollId).Select(o => o.Id).FirstAsync());
        var pick = await member.PostAsync($"/communities/{Slug}/meetings/polls/{pollId}?handler=Pick&optionId={optionId}", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.True(pick.StatusCode == HttpStatusCode.Forbidden || (pick.Headers.Location?.OriginalString ?? "").Contains("/account/access-denied", StringComparison.Ordinal));
        Assert.Equal(meetingsBefore, await _portal.WithDbAsync(db => db.Meetings.CountAsync()));

        _portal.Clock.Set(new DateTimeOffset(2026, 12, 1, 0, 0, 1, TimeSpan.Zero));
        var later = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var closed = await later.GetPageAsync($"/communities/{Slug}/meetings/polls/{pollId}");
        Assert.Null(closed.QuerySelector("main form.app-poll-answers"));
        var fresh = (await later.GetPageAsync("/account/change-password")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var optionIds = await _portal.WithDbAsync(db => db.MeetingPollOptions.Where(o => o.PollId == pollId).OrderBy(o => o.StartsAt).Select(o => o.Id).ToListAsync());
        var late = await later.PostAsync($"/communities/{Slug}/meetings/polls/{pollId}", new FormUrlEncodedContent(
            optionIds.SelectMany((id, i) => new KeyValuePair<string, string>[] { new($"Answers[{i}].OptionId", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new($"Answers[{i}].Choice", "Yes") })
                .Append(new("__RequestVerificationToken", fresh))));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(["This poll has closed, so it is not taking answers"], (await Html.ParseAsync(late)).ErrorSummary());
        Assert.Equal(0, await _portal.WithDbAsync(db => db.MeetingPollAnswers.CountAsync(a => a.Option!.PollId == pollId)));
    }

    [Fact]
    public async Task Completion_job_tells_the_creator_once_when_everyone_has_answered_or_the_poll_closes()
    {
        async Task<int> RunAsync()
        {
            var count = 0;
            await _portal.WithServicesAsync(async s => count = await s.GetRequiredService<PollService>().QueueCompletionNoticesAsync());
            return count;
        }
        var pollId = await CreateAsync();
        Assert.Equal(0, await RunAsync());

        // Every member answers (written directly: the CoP has dozens of demo members).
        await _portal.WithDbAsync(async db =>
        {
            var options = await db.MeetingPollOptions.Where(o => o.PollId == pollId).Select(o => o.Id).ToListAsync();
            var members = await db.Memberships.Where(m => m.Community!.Slug == Slug).Select(m => m.UserId).ToListAsync();
            db.MeetingPollAnswers.AddRange(members.SelectMany(u => options.Select(o => new PollAnswer { PollOptionId = o, UserId = u, Choice = PollChoice.Yes, AnsweredAt = _portal.Clock.GetUtcNow() })));
            await db.SaveChangesAsync();
        });
        Assert.Equal(1, await RunAsync());
        var notice = Assert.Single(await _portal.OutboxAsync(), m => m.Kind == PollService.CompleteKind);
        Assert.Equal(DemoData.SecretaryEmail, notice.ToAddress);
        Assert.Equal("Poll complete: Spring spotlight (Psychological Practitioners)", notice.Subject);
        Assert.Equal(0, await RunAsync());

        // A second poll nobody answers: nothing until it closes, then one notice.
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        await secretary.SubmitFormAsync($"/communities/{Slug}/meetings/polls/new", NewPoll(("3/12/2026", "14:00"), ("4/12/2026", "14:00")));
        Assert.Equal(0, await RunAsync());
        _portal.Clock.Set(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await RunAsync());
        Assert.Contains(await _portal.OutboxAsync(), m => m.Kind == PollService.CompleteKind && m.Subject.StartsWith("Poll closed:", StringComparison.Ordinal));
        Assert.Equal(0, await RunAsync());
    }
}
