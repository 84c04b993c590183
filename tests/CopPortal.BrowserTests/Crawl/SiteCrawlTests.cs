using System.Diagnostics;
using CopPortal.Web.Infrastructure.Database;
using Xunit.Abstractions;

namespace CopPortal.BrowserTests.Crawl;

/// <summary>
/// Every page each kind of user can reach by following links, and each form's empty-submit error state, passes
/// axe-core, reflows at 320 px, and loads without console errors or failed requests. Each role gets a fresh portal,
/// so forms the crawler sends for one role cannot change what another sees.
/// </summary>
public sealed class SiteCrawlTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("anonymous")]
    [InlineData(DemoData.MemberEmail)]
    [InlineData(DemoData.SecretaryEmail)]
    [InlineData(DemoData.ChairEmail)]
    [InlineData(DemoData.CouncilEmail)]
    [InlineData(DemoData.StaffEmail)]
    public async Task Every_reachable_page_and_form_error_passes_the_checks(string role)
    {
        var clock = Stopwatch.StartNew();
        var session = new BrowserSession();
        await session.InitializeAsync();
        try
        {
            var page = await session.NewPageAsync();
            if (role != "anonymous")
            {
                await session.SignInAsync(page, role);
                Assert.DoesNotContain("/account/sign-in", page.Url, StringComparison.Ordinal);
            }
            var crawler = new SiteCrawler(page, session.BaseUrl);
            await crawler.RunAsync();

            output.WriteLine($"{role}: {crawler.PagesVisited.Count} pages, {crawler.FormsSubmitted.Count} forms submitted empty " +
                $"({crawler.ErrorStatesChecked} showed errors), {crawler.FormsSkipped.Count} forms not sent, {clock.Elapsed.TotalSeconds:0}s");
            output.WriteLine("Pages:\n  " + string.Join("\n  ", crawler.PagesVisited));
            output.WriteLine("Forms submitted:\n  " + string.Join("\n  ", crawler.FormsSubmitted));
            output.WriteLine("Forms not sent:\n  " + string.Join("\n  ", crawler.FormsSkipped));

            // The crawl must reach well past the home page, or a broken sign-in or link would pass silently.
            Assert.True(crawler.PagesVisited.Count >= 10, $"Only {crawler.PagesVisited.Count} pages reached");
            var problems = crawler.Problems.Distinct().ToList();
            Assert.True(problems.Count == 0, $"{problems.Count} problems for {role}:\n{string.Join("\n", problems.Take(150))}");
        }
        finally
        {
            await session.DisposeAsync();
        }
    }
}
