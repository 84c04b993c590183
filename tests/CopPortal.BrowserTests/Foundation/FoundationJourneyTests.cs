using CopPortal.Web.Infrastructure.Database;
using Microsoft.Playwright;

namespace CopPortal.BrowserTests.Foundation;

public sealed class FoundationJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Theory]
    [InlineData("/", "home")]
    [InlineData("/account/sign-in", "sign-in")]
    public async Task Public_page_looks_like_an_nhs_service_and_has_no_axe_violations(string path, string name)
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync(path);
        await Assertions.Expect(page.Locator("header.nhsuk-header")).ToBeVisibleAsync();
        // The NHS.UK stylesheet really loaded: the header is NHS blue.
        var headerColour = await page.Locator("header.nhsuk-header").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(0, 94, 184)", headerColour);
        await session.ScreenshotAsync(page, name);
        await BrowserSession.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Demo_staff_member_signs_in_and_sees_the_staff_menu()
    {
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, DemoData.StaffEmail);
        await Assertions.Expect(page.Locator(".nhsuk-header__account")).ToContainTextAsync("Sam Okafor");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Network staff" })).ToBeVisibleAsync();
        await BrowserSession.AssertAccessibleAsync(page);
    }
}
