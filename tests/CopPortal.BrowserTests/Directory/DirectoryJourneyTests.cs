using System.Diagnostics;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.Playwright;

namespace CopPortal.BrowserTests.Directory;

public sealed class DirectoryJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task Prospective_member_finds_the_practitioners_community_and_reads_its_terms()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/communities");
        await BrowserSession.AssertAccessibleAsync(page);

        await page.GetByLabel("Search by words").FillAsync("wellbeing practitioner");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.WaitForURLAsync("**/communities?q=wellbeing+practitioner**");
        var results = page.Locator(".app-result-list h3 a");
        await Assertions.Expect(results).ToHaveTextAsync(["Psychological Practitioners"]);
        await session.ScreenshotAsync(page, "directory-search");
        await BrowserSession.AssertAccessibleAsync(page);

        await results.First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Psychological Practitioners");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Request to join" })).ToBeVisibleAsync();
        await session.ScreenshotAsync(page, "community-anonymous");
        await BrowserSession.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Terms of Reference", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#eligibility")).ToHaveTextAsync("Who can join");
        await Assertions.Expect(page.Locator(".app-eligibility")).ToContainTextAsync("Psychological Wellbeing Practitioner (PWP)");
        await session.ScreenshotAsync(page, "terms");
        await BrowserSession.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Member_sees_their_membership_and_the_members_area()
    {
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, DemoData.MemberEmail);
        await page.GotoAsync("/communities/" + DemoData.PractitionersSlug);
        await Assertions.Expect(page.Locator("#membership h2")).ToHaveTextAsync("You are a member");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Members' area" })).ToBeVisibleAsync();
        await session.ScreenshotAsync(page, "community-member");
        await BrowserSession.AssertAccessibleAsync(page);
    }

    [Theory]
    [InlineData("/staff/communities", "staff-communities")]
    [InlineData("/staff/communities/" + DemoData.PractitionersSlug, "staff-community-manage")]
    [InlineData("/staff/proposals", "staff-proposals")]
    [InlineData("/staff/communities/new", "staff-community-new")]
    [InlineData("/communities/" + DemoData.PractitionersSlug + "/terms/edit", "terms-edit")]
    public async Task Staff_pages_have_no_axe_violations(string path, string name)
    {
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, DemoData.StaffEmail);
        await page.GotoAsync(path);
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await session.ScreenshotAsync(page, name);
        await BrowserSession.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Staff_reads_a_proposal_from_the_list()
    {
        var id = await session.Portal.WithDbAsync(async db =>
        {
            var proposer = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Users, u => u.Email == DemoData.MemberEmail);
            var proposal = new CopPortal.Domain.Communities.CommunityProposal
            {
                ProposerId = proposer.Id,
                Name = "Psychologists in Primary Care",
                WhoFor = "Psychological professionals working in GP practices and primary care networks.",
                Purpose = "Share models of primary care psychology.",
                WhyNoExistingFits = "The existing communities are organised by profession, not setting.",
                ChairVolunteers = "Aisha Begum",
                SubmittedAt = session.Portal.Clock.GetUtcNow(),
            };
            db.Proposals.Add(proposal);
            await db.SaveChangesAsync();
            return proposal.Id;
        });
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, DemoData.StaffEmail);
        await page.GotoAsync("/staff/proposals");
        await session.ScreenshotAsync(page, "staff-proposals-waiting");
        await BrowserSession.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Psychologists in Primary Care" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/staff/proposals/{id}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Accept and create a draft community" })).ToBeVisibleAsync();
        await session.ScreenshotAsync(page, "staff-proposal");
        await BrowserSession.AssertAccessibleAsync(page);
    }

    [Theory]
    [InlineData("/glossary", "glossary")]
    [InlineData("/help", "help")]
    [InlineData("/accessibility", "accessibility")]
    [InlineData("/privacy", "privacy")]
    [InlineData("/communities/psychological-professionals-in-physical-healthcare", "community-with-vacancy")]
    public async Task Public_pages_have_no_axe_violations(string path, string name)
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync(path);
        await session.ScreenshotAsync(page, name);
        await BrowserSession.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Terms_pdf_downloads_and_its_first_page_renders()
    {
        var page = await session.NewPageAsync();
        var response = await page.APIRequest.GetAsync($"/communities/{DemoData.PractitionersSlug}/terms.pdf");
        Assert.Equal(200, response.Status);
        var pdfPath = Path.Combine(session.ScreenshotDirectory, "terms.pdf");
        await File.WriteAllBytesAsync(pdfPath, await response.BodyAsync());
        using var process = Process.Start("pdftoppm", $"-png -r 60 -f 1 -l 1 {pdfPath} {Path.Combine(session.ScreenshotDirectory, "terms-pdf")}");
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
    }
}
