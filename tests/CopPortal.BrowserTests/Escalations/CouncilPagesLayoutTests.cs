using CopPortal.Domain.Escalations;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CopPortal.BrowserTests.Escalations;

/// <summary>
/// The council's pages and a CoP's list of its reports, with the demo network's reports, on a desktop (1280 px) and
/// a phone (320 px): nothing scrolls sideways (WCAG 1.4.10), axe finds nothing, and a screenshot of each is kept.
/// </summary>
public sealed class CouncilPagesLayoutTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    public static TheoryData<string, string, int> Pages()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var width in new[] { 1280, 320 })
        {
            data.Add("/council", DemoData.CouncilEmail, width);
            data.Add("/council/escalations", DemoData.CouncilEmail, width);
            data.Add("{point}", DemoData.CouncilEmail, width);
            data.Add("/council/minutes", DemoData.CouncilEmail, width);
            data.Add("/council", DemoData.StaffEmail, width);
            data.Add($"/communities/{DemoData.PractitionersSlug}/reports", DemoData.ChairEmail, width);
            data.Add($"/communities/{DemoData.PractitionersSlug}", DemoData.ChairEmail, width);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Council_pages_fit_desktop_and_phone_screens_and_pass_axe(string path, string email, int width)
    {
        if (path == "{point}")
        {
            // A routed Alert with an outcome: the longest point page.
            var id = await session.Portal.WithDbAsync(db => db.EscalationPoints
                .Where(p => p.Category == TripleACategory.Alert && p.Outcome != null).Select(p => p.Id).FirstAsync());
            path = "/council/escalations/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, email);
        await page.SetViewportSizeAsync(width, 900);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        var name = "council-layout" + string.Concat(path.Select(c => char.IsLetterOrDigit(c) ? c : '-')) + "-" + email.Split('@')[0].Replace('.', '-') + "-" + width.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await session.ScreenshotAsync(page, name);

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{path} is {scrollWidth}px wide at {width}px");
        await BrowserSession.AssertAccessibleAsync(page);
    }
}
