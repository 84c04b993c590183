using System.Net;
using AngleSharp.Html.Dom;
using CopPortal.Domain.Links;
using CopPortal.Domain.Meetings.Polls;
using CopPortal.Domain.Minutes;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using static CopPortal.Web.Tests.Minutes.MinutesTestData;

namespace CopPortal.Web.Tests.Minutes;

/// <summary>
/// The agenda and the poll keep what every viewer sees alike (ContentCache, and markup under the content version).
/// A change saved behind the pages' back shows at once, and each viewer still gets their own controls and answers,
/// whoever's request filled the cache.
/// </summary>
public sealed class CachedAgendaAndPollTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private static void AssertPreparing(IHtmlDocument page, bool expected)
    {
        Assert.Equal(expected, page.QuerySelectorAll("#agenda-items .app-agenda__controls").Length > 0);
        Assert.Equal(expected, page.QuerySelector("form#agenda-controls") is not null);
        Assert.Equal(expected, page.QuerySelector(Form("Add")) is not null);
    }

    [Fact]
    public async Task The_agenda_shows_a_saved_change_at_once_and_each_viewer_their_own_controls()
    {
        var meetingId = await MeetingAsync(_portal, new DateTimeOffset(2026, 12, 10, 14, 0, 0, TimeSpan.Zero));
        var url = AgendaUrl(meetingId);
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(url, Html.Form(("TemplateId", "")), Form("Start"))).StatusCode);

        // Unpublished: the core team's view, kept first, is not shown to a member.
        AssertPreparing(await secretary.GetPageAsync(url), expected: true);
        var hidden = await member.GetPageAsync(url);
        Assert.Contains("The agenda for this meeting has not been published yet.", hidden.MainText(), StringComparison.Ordinal);
        Assert.Null(hidden.QuerySelector("#agenda-items"));

        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(url, [], Form("Publish"))).StatusCode);
        // Each viewer twice, in turn: the later requests are served from what the earlier ones kept.
        for (var round = 0; round < 2; round++)
        {
            var seen = await member.GetPageAsync(url);
            Assert.Contains(MinutesService.MattersArisingTitle, seen.MainText(), StringComparison.Ordinal);
            AssertPreparing(seen, expected: false);
            AssertPreparing(await secretary.GetPageAsync(url), expected: true);
        }

        // An item renamed and an open action added, saved elsewhere: both show at once, to both.
        await _portal.WithDbAsync(async db =>
        {
            var item = await db.AgendaItems.SingleAsync(i => db.Agendas.Any(a => a.Id == i.AgendaId && a.MeetingId == meetingId));
            item.Title = "Follow-up on open actions";
            await db.SaveChangesAsync();
        });
        await ActionAsync(_portal, null, "Book the venue for spring");
        var changed = await member.GetPageAsync(url);
        Assert.Equal("Follow-up on open actions", changed.QuerySelector("#agenda-items > li h2")!.TextContent.Trim());
        Assert.Contains("Book the venue for spring", changed.MainText(), StringComparison.Ordinal);
        AssertPreparing(changed, expected: false);
        var prepared = await secretary.GetPageAsync(url);
        Assert.Equal("Follow-up on open actions", prepared.QuerySelector("#agenda-items > li h2")!.TextContent.Trim());
        AssertPreparing(prepared, expected: true);

        // The print view has no controls, even for the core team.
        var print = await secretary.GetPageAsync(url + "?print=true");
        Assert.Contains("Follow-up on open actions", print.MainText(), StringComparison.Ordinal);
        Assert.Empty(print.QuerySelectorAll(".app-agenda__controls, form"));

        // A form posted back with a mistake shows the page afresh, with the problem and the latest items.
        var refused = await secretary.SubmitFormAsync(url, Html.Form(("Input.Title", "")), Form("Add"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = await Html.ParseAsync(refused);
        Assert.Equal(["Enter the item's title"], again.ErrorSummary());
        Assert.Equal("Follow-up on open actions", again.QuerySelector("#agenda-items > li h2")!.TextContent.Trim());
    }

    private async Task<int> PollAsync() => await _portal.WithDbAsync(async db =>
    {
        var now = _portal.Clock.GetUtcNow();
        var poll = new Poll
        {
            CommunityId = await db.Communities.Where(c => c.Slug == Slug).Select(c => c.Id).SingleAsync(),
            Title = "Cached poll",
            ClosesAt = now.AddHours(6),
            CreatedAt = now,
            Options = [.. Enumerable.Range(0, 3).Select(i => new PollOption { StartsAt = now.AddDays(20 + i), EndsAt = now.AddDays(20 + i).AddHours(1) })],
        };
        db.MeetingPolls.Add(poll);
        await db.SaveChangesAsync();
        return poll.Id;
    });

    /// <summary>The choices checked in the viewer's own answers form, in the options' order (null: none).</summary>
    private static List<string?> MyChoices(IHtmlDocument page) =>
        Enumerable.Range(0, 3).Select(i => page.QuerySelector($"form.app-poll-answers input[name='Answers[{i}].Choice']:checked")?.GetAttribute("value")).ToList();

    /// <summary>The yes, if need be and no totals over every option of the results table.</summary>
    private static List<int> Totals(IHtmlDocument page)
    {
        var rows = page.QuerySelectorAll("table.app-poll-results tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.CellText()).ToList()).ToList();
        Assert.Equal(3, rows.Count);
        return Enumerable.Range(1, 3).Select(column => rows.Sum(r => int.Parse(r[column], System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }

    [Fact]
    public async Task The_poll_shows_others_answers_at_once_and_each_viewer_only_their_own_answers_and_buttons()
    {
        var pollId = await PollAsync();
        var url = PortalPaths.MeetingPoll(Slug, pollId);
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        var answers = Html.Form(("Answers[0].Choice", "Yes"), ("Answers[1].Choice", "No"), ("Answers[2].Choice", "IfNeedBe"));
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitFormAsync(url, answers, formSelector: "main form.app-poll-answers")).StatusCode);

        for (var round = 0; round < 2; round++)
        {
            var mine = await member.GetPageAsync(url);
            Assert.Equal(["Yes", "No", "IfNeedBe"], MyChoices(mine));
            Assert.Equal([1, 1, 1], Totals(mine));
            Assert.Empty(mine.QuerySelectorAll("main form[action*='handler=Pick'], main button[form='poll-pick']"));
            var chairs = await chair.GetPageAsync(url);
            Assert.Equal([null, null, null], MyChoices(chairs));
            Assert.Equal([1, 1, 1], Totals(chairs));
            Assert.Single(chairs.QuerySelectorAll("main form[action*='handler=Pick']"));
            Assert.Equal(3, chairs.QuerySelectorAll("main button[form='poll-pick']").Length);
        }

        // The secretary answers behind the page's back: everyone's counts change at once, each keeps their own answers.
        await _portal.WithDbAsync(async db =>
        {
            var secretaryId = await db.Users.Where(u => u.Email == DemoData.SecretaryEmail).Select(u => u.Id).SingleAsync();
            foreach (var option in await db.MeetingPollOptions.Where(o => o.PollId == pollId).Select(o => o.Id).ToListAsync())
            {
                db.MeetingPollAnswers.Add(new PollAnswer { PollOptionId = option, UserId = secretaryId, Choice = PollChoice.Yes, AnsweredAt = _portal.Clock.GetUtcNow() });
            }
            await db.SaveChangesAsync();
        });
        var after = await member.GetPageAsync(url);
        Assert.Equal([4, 1, 1], Totals(after));
        Assert.Contains("2 of ", after.MainText(), StringComparison.Ordinal);
        Assert.Equal(["Yes", "No", "IfNeedBe"], MyChoices(after));
        var theirs = await secretary.GetPageAsync(url);
        Assert.Equal([4, 1, 1], Totals(theirs));
        Assert.Equal(["Yes", "Yes", "Yes"], MyChoices(theirs));
        Assert.Equal([null, null, null], MyChoices(await chair.GetPageAsync(url)));

        // Once it closes the page says so, though nothing was saved.
        _portal.Clock.Advance(TimeSpan.FromHours(7));
        var closed = await member.GetPageAsync(url);
        Assert.Contains("This poll closed on", closed.MainText(), StringComparison.Ordinal);
        Assert.Null(closed.QuerySelector("form.app-poll-answers"));
        Assert.Equal([4, 1, 1], Totals(closed));
    }
}
