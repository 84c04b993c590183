using System.Net;
using CopPortal.Domain.Actions;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.Messaging;
using CopPortal.Web.Infrastructure.Actions;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Library;

public sealed class ActionsPageTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private const string Url = "/communities/" + DemoData.PractitionersSlug + "/actions";
    private readonly PortalFactory _portal = shared.Fresh();

    // The test clock starts on 18 November 2026 (London).
    private static readonly DateOnly Today = new(2026, 11, 18);

    /// <summary>Adds an action straight to the database, as the minutes feature would, and returns its id.</summary>
    private Task<int> AddAsync(string description, string? ownerEmail, DateOnly? due, ActionStatus status = ActionStatus.Open, string? meetingTitle = null) =>
        _portal.WithDbAsync(async db =>
        {
            var community = await db.Communities.FirstAsync(c => c.Slug == DemoData.PractitionersSlug);
            var owner = ownerEmail is null ? null : await db.Users.FirstAsync(u => u.Email == ownerEmail);
            Meeting? meeting = null;
            if (meetingTitle is not null)
            {
                var starts = new DateTimeOffset(2026, 10, 14, 13, 0, 0, TimeSpan.Zero);
                meeting = new Meeting { CommunityId = community.Id, Title = meetingTitle, StartsAt = starts, EndsAt = starts.AddHours(2), CalendarUid = Guid.NewGuid().ToString(), CreatedAt = starts, UpdatedAt = starts };
                db.Meetings.Add(meeting);
            }
            var action = new CommunityAction
            {
                CommunityId = community.Id,
                Meeting = meeting,
                Description = description,
                OwnerUserId = owner?.Id,
                OwnerName = owner?.DisplayName ?? "Dr Pat Visitor",
                DueOn = due,
                Status = status,
                CreatedAt = _portal.Clock.GetUtcNow(),
                UpdatedAt = _portal.Clock.GetUtcNow(),
            };
            db.Actions.Add(action);
            await db.SaveChangesAsync();
            return action.Id;
        });

    [Fact]
    public async Task Long_lists_come_25_to_a_page_in_due_order_and_the_pages_keep_the_status_filter()
    {
        for (var i = 0; i < 30; i++)
        {
            await AddAsync($"Paged action {i:00}", null, Today.AddYears(1).AddDays(i), ActionStatus.Done);
        }
        var done = await _portal.WithDbAsync(async db =>
        {
            var communityId = await db.Communities.Where(c => c.Slug == DemoData.PractitionersSlug).Select(c => c.Id).FirstAsync();
            return await db.Actions.CountAsync(a => a.CommunityId == communityId && a.Status == ActionStatus.Done);
        });
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);

        var first = await member.GetPageAsync(Url + "?status=done");
        Assert.Equal(25, first.QuerySelectorAll(".app-actions tbody tr").Length);
        Assert.Contains($"Showing 1 to 25 of {done}", first.MainText(), StringComparison.Ordinal);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("status=done", next, StringComparison.Ordinal);

        var second = await member.GetPageAsync(next);
        var rows = second.QuerySelectorAll(".app-actions tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(done - 25, rows.Count);
        // Latest due dates sort last, so the last page ends with the last one added.
        Assert.Contains("Paged action 29", rows[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(first.QuerySelectorAll(".app-actions tbody tr").Select(r => r.TextContent), r => r.Contains("Paged action 29", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_past_the_end_shows_the_last_page_and_every_view_counts_each_status()
    {
        for (var i = 0; i < 30; i++)
        {
            await AddAsync($"Far action {i:00}", null, Today.AddYears(2).AddDays(i), ActionStatus.Done);
        }
        await AddAsync("Dropped far action", null, Today.AddDays(3), ActionStatus.Dropped);
        var counts = await _portal.WithDbAsync(async db =>
        {
            var communityId = await db.Communities.Where(c => c.Slug == DemoData.PractitionersSlug).Select(c => c.Id).FirstAsync();
            return await db.Actions.Where(a => a.CommunityId == communityId).GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        });
        var done = counts[ActionStatus.Done];
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);

        // The counts come with the rows of a page, and on their own when the asked-for page has none.
        foreach (var url in new[] { Url + "?status=done", Url + "?status=done&p=99" })
        {
            var page = await member.GetPageAsync(url);
            var filter = page.QuerySelector(".app-status-filter")!.TextContent;
            Assert.Contains($"Open ({counts.GetValueOrDefault(ActionStatus.Open)})", filter, StringComparison.Ordinal);
            Assert.Contains($"Done ({done})", filter, StringComparison.Ordinal);
            Assert.Contains($"Dropped ({counts[ActionStatus.Dropped]})", filter, StringComparison.Ordinal);
        }
        var last = await member.GetPageAsync(Url + "?status=done&p=99");
        var rows = last.QuerySelectorAll(".app-actions tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(done - 25, rows.Count);
        Assert.Contains("Far action 29", rows[^1], StringComparison.Ordinal);
        Assert.Contains($"Showing 26 to {done} of {done}", last.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_lists_open_actions_by_default_marks_overdue_ones_and_filters_by_status()
    {
        await AddAsync("Circulate the survey", DemoData.MemberEmail, Today.AddDays(-2), meetingTitle: "Autumn meeting");
        await AddAsync("Book the room", null, Today.AddDays(10));
        await AddAsync("Write the newsletter", DemoData.ChairEmail, Today.AddDays(-5), ActionStatus.Done);
        await AddAsync("Start a podcast", DemoData.ChairEmail, null, ActionStatus.Dropped);
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);

        var open = await member.GetPageAsync(Url);
        // Only this test's rows (the demo has actions too), in the page's order.
        string[] mine = ["Circulate the survey", "Book the room", "Write the newsletter", "Start a podcast"];
        List<AngleSharp.Dom.IElement> Mine(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll(".app-actions tbody tr").Where(r => mine.Any(m => r.TextContent.Contains(m, StringComparison.Ordinal))).ToList();
        var rows = Mine(open);
        Assert.Equal(2, rows.Count);
        Assert.Contains("Circulate the survey", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Autumn meeting, 14 October 2026", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("app-overdue", rows[0].ClassName, StringComparison.Ordinal);
        Assert.Equal("Overdue", rows[0].QuerySelector(".nhsuk-tag--red")!.TextContent.Trim());
        Assert.Contains("Dr Pat Visitor", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Null(rows[1].QuerySelector(".nhsuk-tag--red"));

        var done = Mine(await member.GetPageAsync(Url + "?status=done"));
        Assert.Contains("Write the newsletter", Assert.Single(done).TextContent, StringComparison.Ordinal);
        Assert.Null(done[0].QuerySelector(".nhsuk-tag--red")); // done late is not overdue
        var dropped = Mine(await member.GetPageAsync(Url + "?status=dropped"));
        Assert.Contains("Start a podcast", Assert.Single(dropped).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_updates_the_status_with_a_note_kept_in_the_history()
    {
        var id = await AddAsync("Circulate the survey", DemoData.MemberEmail, Today.AddDays(3));
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var response = await member.SubmitFormAsync($"{Url}/{id}", Html.Form(("Input.Status", "Done"), ("Input.Note", "Sent to everyone")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var action = await _portal.WithDbAsync(db => db.Actions.Include(a => a.Updates).AsNoTracking().FirstAsync(a => a.Id == id));
        Assert.Equal(ActionStatus.Done, action.Status);
        Assert.NotNull(action.ClosedAt);
        var update = Assert.Single(action.Updates);
        Assert.Equal("Sent to everyone", update.Note);
        Assert.Contains("Sent to everyone", (await member.GetPageAsync($"{Url}/{id}")).QuerySelector(".app-action-history")!.TextContent, StringComparison.Ordinal);
        Assert.True(await _portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(CommunityAction) && a.EntityId == id.ToString() && a.Action == "Modified")));
    }

    [Fact]
    public async Task Another_member_cannot_update_someone_elses_action_but_the_core_team_can()
    {
        var id = await AddAsync("Book the room", DemoData.ChairEmail, Today.AddDays(3));
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var page = await member.GetPageAsync($"{Url}/{id}");
        Assert.Null(page.QuerySelector("main form[method=post]"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await member.GetPageAsync("/my")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var refused = await member.PostAsync($"{Url}/{id}", new FormUrlEncodedContent(Html.Form(("Input.Status", "Dropped"), ("Input.Note", "Not me"), ("__RequestVerificationToken", token))));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/access-denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(ActionStatus.Open, await _portal.WithDbAsync(db => db.Actions.Where(a => a.Id == id).Select(a => a.Status).FirstAsync()));

        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        var done = await secretary.SubmitFormAsync($"{Url}/{id}", Html.Form(("Input.Status", "Dropped"), ("Input.Note", "The room is free now")));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(ActionStatus.Dropped, await _portal.WithDbAsync(db => db.Actions.Where(a => a.Id == id).Select(a => a.Status).FirstAsync()));
    }

    [Fact]
    public async Task An_update_needs_a_note_and_one_made_on_a_stale_page_is_refused()
    {
        var id = await AddAsync("Book the room", DemoData.ChairEmail, Today.AddDays(3));
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var noNote = await chair.SubmitFormAsync($"{Url}/{id}", Html.Form(("Input.Status", "Done"), ("Input.Note", "")));
        var errors = await Html.ParseAsync(noNote);
        Assert.StartsWith("Error: ", errors.Title, StringComparison.Ordinal);
        Assert.Equal(["Enter a note about the update, for example what was done"], errors.ErrorSummary());

        var stale = await chair.GetPageAsync($"{Url}/{id}");
        var stamp = stale.QuerySelector("input[name='Input.Stamp']")!.GetAttribute("value")!;
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        await secretary.SubmitFormAsync($"{Url}/{id}", Html.Form(("Input.Status", "Done"), ("Input.Note", "Booked")));
        var late = await chair.SubmitFormAsync($"{Url}/{id}", Html.Form(("Input.Status", "Dropped"), ("Input.Note", "Not needed"), ("Input.Stamp", stamp)));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("Someone else updated this action", (await Html.ParseAsync(late)).ErrorSummary().Single(), StringComparison.Ordinal);
        var action = await _portal.WithDbAsync(db => db.Actions.Include(a => a.Updates).AsNoTracking().FirstAsync(a => a.Id == id));
        Assert.Equal(ActionStatus.Done, action.Status);
        Assert.Single(action.Updates);
    }

    [Fact]
    public async Task The_core_team_adds_an_action_for_a_member()
    {
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var memberId = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.MemberEmail).Select(u => u.Id).FirstAsync());
        var missing = await chair.SubmitFormAsync(Url + "/add", Html.Form(("Input.Description", "")));
        Assert.Equal(["Enter what needs to be done", "Select a member as the owner, or enter the name of someone else"], (await Html.ParseAsync(missing)).ErrorSummary());

        var response = await chair.SubmitFormAsync(Url + "/add", Html.Form(("Input.Description", "Draft the annual report"), ("Input.OwnerUserId", memberId), ("Input.DueOn.Day", "1"), ("Input.DueOn.Month", "12"), ("Input.DueOn.Year", "2026")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var action = await _portal.WithDbAsync(db => db.Actions.AsNoTracking().FirstAsync(a => a.Description == "Draft the annual report"));
        Assert.Equal(memberId, action.OwnerUserId);
        Assert.Equal(new DateOnly(2026, 12, 1), action.DueOn);
        Assert.Null(action.MeetingId);
        Assert.Contains("Draft the annual report", (await chair.GetPageAsync(Url)).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_is_reminded_once_a_few_days_before_the_due_date()
    {
        var soon = await AddAsync("Circulate the survey", DemoData.MemberEmail, Today.AddDays(ActionService.RemindDaysBefore + 1));
        await AddAsync("Named person, not a member", null, Today.AddDays(1));
        await AddAsync("Already done", DemoData.MemberEmail, Today.AddDays(1), ActionStatus.Done);

        await RunJobAsync();
        Assert.Empty(await RemindersAsync());

        _portal.Clock.Advance(TimeSpan.FromDays(1));
        await RunJobAsync();
        var reminder = Assert.Single(await RemindersAsync(), r => r.TextBody.Contains("Circulate the survey", StringComparison.Ordinal));
        Assert.Single(await RemindersAsync());
        Assert.Equal(DemoData.MemberEmail, reminder.ToAddress);
        Assert.Equal(EmailTopic.Actions, reminder.Topic);
        Assert.Equal(await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.MemberEmail).Select(u => u.Id).FirstAsync()), reminder.UserId);
        Assert.Contains("Circulate the survey", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://localhost{Url}/{soon}", reminder.TextBody, StringComparison.Ordinal);
        Assert.NotNull(await _portal.WithDbAsync(db => db.Actions.Where(a => a.Id == soon).Select(a => a.ReminderSentAt).FirstAsync()));

        _portal.Clock.Advance(TimeSpan.FromDays(1));
        await RunJobAsync();
        Assert.Single(await RemindersAsync());
    }

    [Fact]
    public async Task My_page_lists_my_open_actions_only()
    {
        await AddAsync("Circulate the survey", DemoData.MemberEmail, Today.AddDays(-1));
        await AddAsync("Already done", DemoData.MemberEmail, Today.AddDays(1), ActionStatus.Done);
        await AddAsync("The chair's job", DemoData.ChairEmail, Today.AddDays(1));
        var page = await (await _portal.SignedInClientAsync(DemoData.MemberEmail)).GetPageAsync("/my");
        var items = page.QuerySelectorAll(".app-my-actions li").Select(li => li.TextContent).ToList();
        Assert.DoesNotContain(items, i => i.Contains("Already done", StringComparison.Ordinal) || i.Contains("The chair's job", StringComparison.Ordinal));
        var item = Assert.Single(items, i => i.Contains("Circulate the survey", StringComparison.Ordinal));
        Assert.Contains("Circulate the survey", item, StringComparison.Ordinal);
        Assert.Contains("Overdue", item, StringComparison.Ordinal);
        Assert.Equal("Your open actions", page.QuerySelector("h2#actions")!.TextContent.Trim());
    }

    private Task RunJobAsync() => _portal.WithServicesAsync(services =>
        services.GetServices<CopPortal.Web.Infrastructure.Scheduling.IScheduledJob>().OfType<ActionReminderJob>().Single().RunAsync(CancellationToken.None));

    private Task<List<OutboxMessage>> RemindersAsync() =>
        _portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == "actions.reminder").ToListAsync());
}
