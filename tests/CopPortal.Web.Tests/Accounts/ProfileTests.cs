using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Accounts;

public sealed class ProfileTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private Task<int> ProfessionIdAsync(string abbreviation) =>
        _portal.WithDbAsync(db => db.Professions.Where(p => p.Abbreviation == abbreviation).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task Get_profile_shows_the_email_read_only_and_the_current_values()
    {
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var page = await client.GetPageAsync(PortalPaths.Profile);

        Assert.Contains(DemoData.MemberEmail, page.QuerySelector(".nhsuk-summary-list")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("input[name='Input.Email']"));
        Assert.Equal("Aisha Begum", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_DisplayName")!.Value);
        Assert.Equal((await ProfessionIdAsync("PWP")).ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#Input_ProfessionId")!.Value);
        Assert.Equal("Midlands", page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#Input_Region")!.Value);
        Assert.True(page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Input.CareerStage'][value='Qualified']")!.IsChecked);
        Assert.Equal(Regions.All.Count + 1, page.QuerySelectorAll("#Input_Region option").Length);
    }

    [Fact]
    public async Task Post_invalid_profile_shows_errors_and_changes_nothing()
    {
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var response = await client.SubmitFormAsync(PortalPaths.Profile, Html.Form(
            ("Input.DisplayName", ""), ("Input.ProfessionId", ""), ("Input.Region", "Atlantis"), ("Input.CareerStage", "99"), ("Input.JobTitle", new string('x', 201))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            ["Enter your full name", "Job title must be 200 characters or fewer", "Select your profession", "Select your region", "Select your career stage"],
            (await Html.ParseAsync(response)).ErrorSummary());
        var user = await _portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == DemoData.MemberEmail));
        Assert.Equal("Aisha Begum", user.DisplayName);
        Assert.Equal("Midlands", user.Region);
    }

    [Fact]
    public async Task Post_valid_profile_saves_it_updates_the_header_and_is_audited_with_before_and_after()
    {
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var emhp = await ProfessionIdAsync("EMHP");
        var response = await client.SubmitFormAsync(PortalPaths.Profile, Html.Form(
            ("Input.DisplayName", "Aisha Begum-Khan"), ("Input.JobTitle", "Senior EMHP"), ("Input.ProfessionId", emhp.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Organisation", "<b>Trust</b>"), ("Input.Region", "London"), ("Input.CareerStage", "Senior")));

        Assert.Equal(PortalPaths.Profile, AccountTestData.RedirectPath(response));
        var page = await client.GetPageAsync(PortalPaths.Profile);
        Assert.Contains("Aisha Begum-Khan", page.QuerySelector(".nhsuk-header__account")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Your profile has been saved", page.QuerySelector(".nhsuk-notification-banner")!.TextContent, StringComparison.Ordinal);

        var user = await _portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == DemoData.MemberEmail));
        Assert.Equal(("Aisha Begum-Khan", "Senior EMHP", emhp, "<b>Trust</b>", "London", CareerStage.Senior), (user.DisplayName, user.JobTitle, user.ProfessionId, user.Organisation, user.Region, user.CareerStage));

        var audit = await _portal.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(PortalUser) && a.EntityId == user.Id && a.Action == "Modified")
            .OrderByDescending(a => a.Id).ToListAsync());
        var entry = Assert.Single(audit, a => a.Changes!.Contains("DisplayName", StringComparison.Ordinal));
        Assert.Equal(user.Id, entry.UserId);
        var changes = JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(entry.Changes!)!;
        Assert.Equal("Aisha Begum", changes["DisplayName"][0].GetString());
        Assert.Equal("Aisha Begum-Khan", changes["DisplayName"][1].GetString());
        Assert.Equal("Midlands", changes["Region"][0].GetString());
        Assert.Equal("London", changes["Region"][1].GetString());
        Assert.Equal("Senior", changes["CareerStage"][1].GetString());
        Assert.DoesNotContain("PasswordHash", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_profile_when_signed_out_redirects_to_sign_in()
    {
        var response = await _portal.CreateBrowserClient().GetAsync(PortalPaths.Profile);
        Assert.Equal("/account/sign-in?ReturnUrl=%2Faccount%2Fprofile", AccountTestData.RedirectPath(response));
    }
}
