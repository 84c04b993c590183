using System.Net;
using CopPortal.Domain.Minutes;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using static CopPortal.Web.Tests.Minutes.MinutesTestData;

namespace CopPortal.Web.Tests.Minutes;

/// <summary>Staff keep the network's agenda templates: list, edit (name, description, ordered items), add and retire.</summary>
public sealed class AgendaTemplateEditorTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private const string ListUrl = "/staff/agenda-templates";
    private const string NewUrl = "/staff/agenda-templates/new";
    private readonly PortalFactory _portal = shared.Fresh();

    private Task<AgendaTemplate> TemplateAsync(string name) =>
        _portal.WithDbAsync(db => db.AgendaTemplates.AsNoTracking().Include(t => t.Items).SingleAsync(t => t.Name == name));

    private static string EditUrl(int id) => $"/staff/agenda-templates/{id}";

    /// <summary>The template names the agenda page offers the secretary for a held meeting with no agenda yet.</summary>
    private async Task<List<string>> OfferedAsync(HttpClient secretary, int meetingId) =>
        (await secretary.GetPageAsync(AgendaUrl(meetingId))).QuerySelectorAll("input[name=TemplateId]")
            .Select(r => r.GetAttribute("value")!).ToList();

    [Fact]
    public async Task Staff_home_links_to_the_list_which_shows_the_three_seeded_templates()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        Assert.NotNull((await staff.GetPageAsync("/staff")).QuerySelector($"main a[href='{ListUrl}']"));
        var names = (await staff.GetPageAsync(ListUrl)).QuerySelectorAll(".app-agenda-templates tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal([AgendaTemplates.Formal, AgendaTemplates.RunningOrder, AgendaTemplates.ReflectivePractice], names);
    }

    [Fact]
    public async Task Staff_rename_reorder_remove_and_add_items_and_new_agendas_start_from_the_edited_template()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var before = await TemplateAsync(AgendaTemplates.RunningOrder);
        var auditBefore = await _portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType.Contains("AgendaTemplate")));
        // Rows 0-5 are its six items (the last is "Close"); rows 6-8 are empty rows for new items.
        var response = await staff.SubmitFormAsync(EditUrl(before.Id), Html.Form(
            ("Input.Name", "Running order (evening)"),
            ("Input.Items[3].Order", "0"),
            ("Input.Items[5].Title", ""), ("Input.Items[5].MinutesAllotted", ""),
            ("Input.Items[6].Title", "Tea break"), ("Input.Items[6].MinutesAllotted", "15"), ("Input.Items[6].Purpose", "Information"), ("Input.Items[6].Order", "4")),
            "#template-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = await _portal.WithDbAsync(db => db.AgendaTemplates.AsNoTracking().Include(t => t.Items).SingleAsync(t => t.Id == before.Id));
        Assert.Equal("Running order (evening)", after.Name);
        var items = after.Items.OrderBy(i => i.Position).ToList();
        Assert.Equal(["Small-group conversations", "Arrival and welcome", "Actions from last time", "Presentation or lived-experience story", "Tea break", "What we take away"], items.Select(i => i.Title));
        Assert.Equal([1, 2, 3, 4, 5, 6], items.Select(i => i.Position));
        Assert.Equal(15, items[4].MinutesAllotted);
        Assert.Equal(AgendaPurpose.Information, items[4].Purpose);
        // The item that lists open actions keeps that role through the edit.
        Assert.True(items.Single(i => i.Title == "Actions from last time").IsMattersArising);
        Assert.True(await _portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType.Contains("AgendaTemplate"))) > auditBefore);

        // A new agenda started from it has the edited items.
        var meetingId = await MeetingAsync(_portal, HeldAt, title: "Template check meeting");
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(AgendaUrl(meetingId), Html.Form(("TemplateId", before.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))), Form("Start"))).StatusCode);
        var agenda = await _portal.WithDbAsync(db => db.Agendas.AsNoTracking().Include(a => a.Items).SingleAsync(a => a.MeetingId == meetingId));
        Assert.Equal("Running order (evening)", agenda.StartedFrom);
        Assert.Equal(items.Select(i => i.Title), agenda.Items.OrderBy(i => i.Position).Select(i => i.Title));
    }

    [Fact]
    public async Task Bad_input_shows_the_error_summary_and_saves_nothing_then_a_good_template_is_added()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var count = await _portal.WithDbAsync(db => db.AgendaTemplates.CountAsync());

        var empty = await Html.ParseAsync(await staff.SubmitFormAsync(NewUrl, Html.Form(("Input.Items[0].MinutesAllotted", "15")), "#template-form"));
        Assert.Equal(["Enter the template's name", "Enter when to use the template", "Enter the title of item 1, or clear the row to remove it"], empty.ErrorSummary());
        Assert.StartsWith("Error: ", empty.Title, StringComparison.Ordinal);

        var duplicate = await Html.ParseAsync(await staff.SubmitFormAsync(NewUrl, Html.Form(("Input.Name", AgendaTemplates.Formal), ("Input.Description", "Another formal one."), ("Input.Items[0].Title", "Welcome")), "#template-form"));
        Assert.Equal(["There is already a template with that name"], duplicate.ErrorSummary());

        var tooLong = await Html.ParseAsync(await staff.SubmitFormAsync(NewUrl, Html.Form(("Input.Name", "Annual general meeting"), ("Input.Description", "Once a year."), ("Input.Items[0].Title", "Welcome"), ("Input.Items[0].MinutesAllotted", "999")), "#template-form"));
        Assert.Equal(["Minutes for item 1 must be between 1 and 480"], tooLong.ErrorSummary());

        var noItems = await Html.ParseAsync(await staff.SubmitFormAsync(NewUrl, Html.Form(("Input.Name", "Annual general meeting"), ("Input.Description", "Once a year.")), "#template-form"));
        Assert.Equal(["Add at least one item"], noItems.ErrorSummary());
        Assert.Equal(count, await _portal.WithDbAsync(db => db.AgendaTemplates.CountAsync()));

        var added = await staff.SubmitFormAsync(NewUrl, Html.Form(("Input.Name", "Annual general meeting"), ("Input.Description", "Once a year: elections and the annual report."), ("Input.Items[0].Title", "Elect the chair"), ("Input.Items[0].Purpose", "Decision")), "#template-form");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var template = await TemplateAsync("Annual general meeting");
        var item = Assert.Single(template.Items);
        Assert.Equal(("Elect the chair", AgendaPurpose.Decision, 1), (item.Title, item.Purpose, item.Position));
        Assert.Contains("Annual general meeting", (await staff.GetPageAsync(ListUrl)).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retired_template_is_not_offered_or_accepted_for_new_agendas_until_offered_again()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        var template = await TemplateAsync(AgendaTemplates.ReflectivePractice);
        var id = template.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var meetingId = await MeetingAsync(_portal, HeldAt, title: "Retired template meeting");
        Assert.Contains(id, await OfferedAsync(secretary, meetingId));

        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitFormAsync(ListUrl, [], $"main form[action*='handler=Retire'][action*='templateId={id}']")).StatusCode);
        Assert.NotNull((await TemplateAsync(AgendaTemplates.ReflectivePractice)).RetiredAt);
        Assert.DoesNotContain(id, await OfferedAsync(secretary, meetingId));
        var refused = await Html.ParseAsync(await secretary.SubmitFormAsync(AgendaUrl(meetingId), Html.Form(("TemplateId", id)), Form("Start")));
        Assert.Equal(["Choose one of the templates, or start with an empty agenda"], refused.ErrorSummary());
        Assert.False(await _portal.WithDbAsync(db => db.Agendas.AnyAsync(a => a.MeetingId == meetingId)));

        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitFormAsync(ListUrl, [], $"main form[action*='handler=Restore'][action*='templateId={id}']")).StatusCode);
        Assert.Null((await TemplateAsync(AgendaTemplates.ReflectivePractice)).RetiredAt);
        Assert.Contains(id, await OfferedAsync(secretary, meetingId));
    }
}
