using Microsoft.Playwright;

namespace CopPortal.BrowserTests.Directory;

/// <summary>A long directory: its own portal, because the sixty extra communities would change other journeys' pages.</summary>
public sealed class DirectoryPaginationTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task Long_directory_pagination_shows_nearby_pages_with_ellipses_and_has_no_axe_violations()
    {
        await session.Portal.AddNetworkGroupsAsync(1, 60);
        var page = await session.NewPageAsync();
        await page.GotoAsync("/communities?q=group&page=2");

        var items = await page.Locator(".nhsuk-pagination__item").AllInnerTextsAsync();
        Assert.Equal(["1", "2", "3", "\u22ef", "6"], items.Select(i => i.Trim()));
        await page.GetByRole(AriaRole.Link, new() { Name = "Page 6" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-pagination__item--current")).ToHaveTextAsync("6");
        await Assertions.Expect(page.Locator(".app-result-list h3 a").First).ToHaveTextAsync("Network Group 51");
        await session.ScreenshotAsync(page, "directory-pagination");
        await BrowserSession.AssertAccessibleAsync(page);
    }
}
