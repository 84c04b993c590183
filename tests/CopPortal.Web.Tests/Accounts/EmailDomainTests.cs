using System.Net;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Accounts;

public sealed class EmailDomainTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    [Fact]
    public async Task Get_lists_the_seeded_domains()
    {
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var page = await client.GetPageAsync(PortalPaths.StaffEmailDomains);
        var domains = page.QuerySelectorAll("tbody tr td:first-child").Select(td => td.CellText()).ToList();
        Assert.Contains("nhs.uk", domains);
        Assert.Contains("police.uk", domains);
        Assert.Equal(ReferenceData.EmailDomains.Count, domains.Count);
    }

    [Fact]
    public async Task Post_add_normalises_the_domain_and_lets_its_holders_register()
    {
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var response = await client.SubmitFormAsync(PortalPaths.StaffEmailDomains, Html.Form(("Input.Domain", " @Example-Council.ORG.uk. "), ("Input.Description", "A partner council")), "form[action*='handler=Add']");

        Assert.Equal(PortalPaths.StaffEmailDomains, AccountTestData.RedirectPath(response));
        var added = await _portal.WithDbAsync(db => db.AllowedEmailDomains.AsNoTracking().SingleAsync(d => d.Description == "A partner council"));
        Assert.Equal("example-council.org.uk", added.Domain);

        var register = await _portal.CreateBrowserClient().SubmitFormAsync(PortalPaths.Register, Html.Form(("Input.DisplayName", "Pat"), ("Input.Email", "pat@housing.example-council.org.uk"), ("Input.Password", AccountTestData.NewPassword)));
        Assert.Equal(PortalPaths.RegisterCheckYourEmail, AccountTestData.RedirectPath(register));
    }

    [Theory]
    [InlineData("", "Enter a domain")]
    [InlineData("name@nhs.uk", "Enter a domain in the correct format, like nhs.uk, without the @ or any spaces")]
    [InlineData("nhs uk", "Enter a domain in the correct format, like nhs.uk, without the @ or any spaces")]
    [InlineData("localhost", "Enter a domain in the correct format, like nhs.uk, without the @ or any spaces")]
    [InlineData("NHS.UK", "nhs.uk is already on the list")]
    public async Task Post_add_invalid_or_duplicate_domain_is_refused(string domain, string error)
    {
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var response = await client.SubmitFormAsync(PortalPaths.StaffEmailDomains, Html.Form(("Input.Domain", domain)), "form[action*='handler=Add']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([error], (await Html.ParseAsync(response)).ErrorSummary());
        Assert.Equal(ReferenceData.EmailDomains.Count, await _portal.WithDbAsync(db => db.AllowedEmailDomains.CountAsync()));
    }

    [Fact]
    public async Task Post_remove_stops_new_registrations_from_that_domain()
    {
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        // The first row's Remove leads to the confirmation, whose button removes it.
        var confirm = (await client.GetPageAsync(PortalPaths.StaffEmailDomains)).QuerySelector("tbody a[href*='remove=']")!.GetAttribute("href")!;
        var response = await client.SubmitFormAsync(confirm, []);
        Assert.Equal(PortalPaths.StaffEmailDomains, AccountTestData.RedirectPath(response));
        // The list is ordered by domain, so the first row is gov.scot.
        Assert.False(await _portal.WithDbAsync(db => db.AllowedEmailDomains.AnyAsync(d => d.Domain == "gov.scot")));

        var register = await _portal.CreateBrowserClient().SubmitFormAsync(PortalPaths.Register, Html.Form(("Input.DisplayName", "Pat"), ("Input.Email", "pat@gov.scot"), ("Input.Password", AccountTestData.NewPassword)));
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        Assert.Equal([Pages.Account.Register.IndexModel.NotAllowedMessage], (await Html.ParseAsync(register)).ErrorSummary());
    }
}
