using System.Net;
using CopPortal.Domain.Actions;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.Minutes;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Web.Pages.Communities.Meetings;
using Microsoft.EntityFrameworkCore;
using static CopPortal.Web.Tests.Minutes.MinutesTestData;

namespace CopPortal.Web.Tests.Minutes;

public sealed class AgendaTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private async Task<(int MeetingId, HttpClient Secretary)> StartedAgendaAsync(string template, int meetingMinutes = 120)
    {
        var meetingId = await MeetingAsync(_portal, new DateTimeOffset(2026, 12, 10, 14, 0, 0, TimeSpan.Zero), meetingMinutes);
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        var templateId = await _portal.WithDbAsync(db => db.AgendaTemplates.Where(t => t.Name == template).Select(t => t.Id).FirstOrDefaultAsync());
        var response = await secretary.SubmitFormAsync(AgendaUrl(meetingId), Html.Form(("TemplateId", templateId == 0 ? "" : templateId.ToString(System.Globalization.CultureInfo.InvariantCulture))), Form("Start"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (meetingId, secretary);
    }

    private static async Task<List<string>> ItemTitlesAsync(HttpClient client, int meetingId) =>
        (await client.GetPageAsync(AgendaUrl(meetingId))).QuerySelectorAll("#agenda-items > li h2").Select(h => h.TextContent.Trim()).ToList();

    [Fact]
    public async Task Start_from_the_formal_template_copies_its_items_and_matters_arising_lists_open_actions_of_earlier_meetings_only()
    {
        var earlier = await MeetingAsync(_portal, HeldAt, title: "Autumn meeting");
        await ActionAsync(_portal, earlier, "Circulate the supervision survey");
        await ActionAsync(_portal, earlier, "Already finished action", ActionStatus.Done);
        await ActionAsync(_portal, null, "Action from the actions page");
        var (meetingId, secretary) = await StartedAgendaAsync(AgendaTemplates.Formal);
        var later = await MeetingAsync(_portal, new DateTimeOffset(2027, 3, 10, 14, 0, 0, TimeSpan.Zero), title: "Spring meeting");
        await ActionAsync(_portal, later, "Action from a later meeting");

        var titles = await ItemTitlesAsync(secretary, meetingId);
        Assert.Equal(AgendaTemplates.All().First().Items.Select(i => i.Title), titles);
        var page = await secretary.GetPageAsync(AgendaUrl(meetingId));
        var arising = page.QuerySelectorAll(".app-matters-arising tbody tr").Select(r => r.TextContent).ToList();
        // The demo's own open actions may be listed too; these four are the rule under test.
        Assert.DoesNotContain(arising, r => r.Contains("Already finished action", StringComparison.Ordinal));
        Assert.DoesNotContain(arising, r => r.Contains("Action from a later meeting", StringComparison.Ordinal));
        Assert.Contains(arising, r => r.Contains("Circulate the supervision survey", StringComparison.Ordinal) && r.Contains("Autumn meeting, 10 November 2026", StringComparison.Ordinal));
        Assert.Contains(arising, r => r.Contains("Action from the actions page", StringComparison.Ordinal));

        // Closing an action takes it off matters arising: the list is read live.
        await _portal.WithDbAsync(db => db.Actions.Where(a => a.Description == "Circulate the supervision survey").ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ActionStatus.Done)));
        Assert.DoesNotContain("Circulate the supervision survey", (await secretary.GetPageAsync(AgendaUrl(meetingId))).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Matters_arising_lists_the_soonest_due_on_screen_with_a_link_to_all_and_the_print_view_lists_every_one()
    {
        var earlier = await MeetingAsync(_portal, HeldAt, title: "Autumn meeting");
        const int many = AgendaPageBase.MattersArisingShown + 5;
        // Due long before any of the demo's own actions, so these are the soonest due, in this order.
        for (var i = many - 1; i >= 0; i--)
        {
            await ActionAsync(_portal, earlier, $"Bounded action {i:00}", due: new DateOnly(2020, 1, 1).AddDays(i));
        }
        await ActionAsync(_portal, earlier, "Undated open action", due: null);
        await _portal.WithDbAsync(db => db.Actions.Where(a => a.Description == "Undated open action").ExecuteUpdateAsync(s => s.SetProperty(a => a.DueOn, (DateOnly?)null)));
        var (meetingId, secretary) = await StartedAgendaAsync(AgendaTemplates.Formal);

        var page = await secretary.GetPageAsync(AgendaUrl(meetingId));
        var rows = page.QuerySelectorAll(".app-matters-arising tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(AgendaPageBase.MattersArisingShown, rows.Count);
        Assert.Equal(Enumerable.Range(0, AgendaPageBase.MattersArisingShown).Select(i => $"Bounded action {i:00}"), rows.Select(r => r[7..24]));

        var print = await secretary.GetPageAsync(AgendaUrl(meetingId) + "?print=true");
        var all = print.QuerySelectorAll(".app-matters-arising tbody tr").Select(r => r.TextContent).ToList();
        Assert.True(all.Count > many, $"The print view lists {all.Count} open actions");
        Assert.Contains(all, r => r.Contains($"Bounded action {many - 1:00}", StringComparison.Ordinal));
        // Undated ones come last.
        Assert.Contains("Undated open action", all[^1], StringComparison.Ordinal);
        Assert.Null(print.QuerySelector("#matters-arising-more"));

        var more = page.QuerySelector("#matters-arising-more")!;
        Assert.Contains($"These are the {AgendaPageBase.MattersArisingShown} due soonest of {all.Count} open actions.", more.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/communities/{Slug}/actions", more.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_template_without_matters_arising_gets_it_second_and_an_empty_agenda_gets_it_too()
    {
        var (meetingId, secretary) = await StartedAgendaAsync(AgendaTemplates.ReflectivePractice);
        var titles = await ItemTitlesAsync(secretary, meetingId);
        Assert.Equal(["Check-in", MinutesService.MattersArisingTitle, "Presentation of a case or theme"], titles.Take(3));

        var (emptyId, _) = await StartedAgendaAsync("none");
        Assert.Equal([MinutesService.MattersArisingTitle], await ItemTitlesAsync(secretary, emptyId));
    }

    [Fact]
    public async Task Items_adding_up_to_more_than_the_meeting_show_the_overrun_warning()
    {
        // The formal template is 90 minutes of items.
        var (fits, secretary) = await StartedAgendaAsync(AgendaTemplates.Formal, meetingMinutes: 90);
        Assert.Null((await secretary.GetPageAsync(AgendaUrl(fits))).QuerySelector("#overrun"));

        var response = await secretary.SubmitFormAsync(AgendaUrl(fits), Html.Form(("Input.Title", "Guest presentation"), ("Input.MinutesAllotted", "1"), ("Input.Purpose", "Information")), Form("Add"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var warning = (await secretary.GetPageAsync(AgendaUrl(fits))).QuerySelector("#overrun");
        Assert.NotNull(warning);
        Assert.Contains("The items add up to 1 h 31 min, but the meeting is 1 h 30 min long.", System.Text.RegularExpressions.Regex.Replace(warning.TextContent, @"\s+", " "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_item_s_move_and_delete_buttons_share_one_form_with_one_antiforgery_token()
    {
        var (meetingId, secretary) = await StartedAgendaAsync(AgendaTemplates.Formal);
        var page = await secretary.GetPageAsync(AgendaUrl(meetingId));
        var items = page.QuerySelectorAll("#agenda-items > li").Length;
        Assert.True(items > 3, $"The formal template has only {items} items");

        // A form per item and button would repeat the token dozens of times: the controls, add and publish forms only.
        Assert.Empty(page.QuerySelectorAll("#agenda-items form"));
        Assert.Equal(3, page.QuerySelectorAll("main input[name='__RequestVerificationToken']").Length);
        var buttons = page.QuerySelectorAll("#agenda-items button[type='submit']");
        Assert.Equal((2 * items) - 2 + items, buttons.Length);
        Assert.All(buttons, b => Assert.Equal("agenda-controls", b.GetAttribute("form")));
    }

    [Fact]
    public async Task Items_move_up_and_down_and_are_deleted_with_plain_form_posts()
    {
        var (meetingId, secretary) = await StartedAgendaAsync(AgendaTemplates.RunningOrder);
        var before = await ItemTitlesAsync(secretary, meetingId);
        var ids = await _portal.WithDbAsync(db => db.AgendaItems.Where(i => db.Agendas.Any(a => a.Id == i.AgendaId && a.MeetingId == meetingId)).OrderBy(i => i.Position).Select(i => i.Id).ToListAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await secretary.PressButtonAsync(AgendaUrl(meetingId), $"main button[formaction$='handler=MoveDown'][name='itemId'][value='{ids[0]}']")).StatusCode);
        Assert.Equal([before[1], before[0], .. before.Skip(2)], await ItemTitlesAsync(secretary, meetingId));

        Assert.Equal(HttpStatusCode.Redirect, (await secretary.PressButtonAsync(AgendaUrl(meetingId), $"main button[formaction$='handler=MoveUp'][name='itemId'][value='{ids[^1]}']")).StatusCode);
        var moved = await ItemTitlesAsync(secretary, meetingId);
        Assert.Equal(before[^1], moved[^2]);
        Assert.Equal(before[^2], moved[^1]);

        Assert.Equal(HttpStatusCode.Redirect, (await secretary.PressButtonAsync(AgendaUrl(meetingId), $"main button[formaction$='handler=Delete'][name='itemId'][value='{ids[0]}']")).StatusCode);
        var after = await ItemTitlesAsync(secretary, meetingId);
        Assert.DoesNotContain(before[0], after);
        Assert.Equal(before.Count - 1, after.Count);
        var positions = await _portal.WithDbAsync(db => db.AgendaItems.Where(i => db.Agendas.Any(a => a.Id == i.AgendaId && a.MeetingId == meetingId)).OrderBy(i => i.Position).Select(i => i.Position).ToListAsync());
        Assert.Equal(Enumerable.Range(1, after.Count), positions);
    }

    [Fact]
    public async Task Adding_an_item_with_bad_input_shows_the_error_summary_and_saves_nothing()
    {
        var (meetingId, secretary) = await StartedAgendaAsync(AgendaTemplates.Formal);
        var count = await _portal.WithDbAsync(db => db.AgendaItems.CountAsync());
        var response = await secretary.SubmitFormAsync(AgendaUrl(meetingId), Html.Form(("Input.Title", ""), ("Input.MinutesAllotted", "soon"), ("Input.Purpose", "Information")), Form("Add"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(["Enter the item's title", "Minutes allotted must be a whole number, like 15"], page.ErrorSummary());
        Assert.Equal(count, await _portal.WithDbAsync(db => db.AgendaItems.CountAsync()));
    }

    [Fact]
    public async Task Members_see_the_agenda_only_once_published_and_publishing_emails_each_member_with_the_agenda_topic()
    {
        var (meetingId, secretary) = await StartedAgendaAsync(AgendaTemplates.Formal);
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        Assert.Contains("has not been published yet", (await member.GetPageAsync(AgendaUrl(meetingId))).MainText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(AgendaUrl(meetingId) + "?print=true")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(AgendaUrl(meetingId), [], Form("Publish"))).StatusCode);
        Assert.Contains("Minutes of the last meeting", (await member.GetPageAsync(AgendaUrl(meetingId))).MainText(), StringComparison.Ordinal);
        var emails = (await _portal.OutboxAsync()).Where(m => m.Kind == "agenda.published").ToList();
        var members = await _portal.WithDbAsync(db => db.Memberships.CountAsync(m => m.Community!.Slug == Slug));
        Assert.Equal(members, emails.Count);
        Assert.All(emails, e => Assert.Equal(EmailTopic.MinutesAndAgendas, e.Topic));
        Assert.All(emails, e => Assert.NotNull(e.UserId));
        var toMember = emails.Single(e => e.ToAddress == DemoData.MemberEmail);
        Assert.Contains($"/communities/{Slug}/meetings/{meetingId}/agenda", toMember.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("http", toMember.TextBody.Split("Read it: ")[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_agenda_pdf_has_the_items_and_matters_arising()
    {
        var earlier = await MeetingAsync(_portal, HeldAt, title: "Autumn meeting");
        await ActionAsync(_portal, earlier, "Circulate the supervision survey");
        var (meetingId, secretary) = await StartedAgendaAsync(AgendaTemplates.Formal);
        var response = await secretary.GetAsync($"/communities/{Slug}/meetings/{meetingId}/agenda.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var text = await PdfTextAsync(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Agenda: Quarterly meeting", text, StringComparison.Ordinal);
        Assert.Contains("Items for escalation or commendation (Triple A)", text, StringComparison.Ordinal);
        Assert.True(text.Contains("Circulate the supervision survey", StringComparison.Ordinal), text);
        Assert.DoesNotContain("Move up", text, StringComparison.Ordinal);
    }
}
