using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CopPortal.BrowserTests.Forum;

/// <summary>
/// A member starts a thread (with a file); another member replies quoting it; the first reports the reply with a
/// reason; the chair removes it from the reports queue with a reason and the thread shows the placeholder. Axe on
/// every page visited.
/// </summary>
public sealed class ForumJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Forum = "/communities/" + DemoData.PractitionersSlug + "/forum";

    [Fact]
    public async Task Member_starts_a_thread_another_quotes_it_a_report_is_resolved_by_removal_without_axe_violations()
    {
        var upload = Path.Combine(Path.GetTempPath(), $"rota-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(upload, "Monday: Aisha\nTuesday: Tomasz\n");
        try
        {
            // A member starts a thread with a file attached.
            var member = await session.NewPageAsync();
            await session.SignInAsync(member, DemoData.MemberEmail);
            await member.GotoAsync(Forum);
            await BrowserSession.AssertAccessibleAsync(member);
            await member.GetByRole(AriaRole.Link, new() { Name = "Start a new thread" }).ClickAsync();
            await BrowserSession.AssertAccessibleAsync(member);
            await member.GetByLabel("Title").FillAsync("Supervision rota for spring");
            await member.GetByLabel("Your message").FillAsync("Here is the **draft rota**. Does it work for everyone?");
            await member.GetByLabel("Attach files (optional)").SetInputFilesAsync(upload);
            await AgreeToGroundRulesAsync(member);
            await member.GetByRole(AriaRole.Button, new() { Name = "Post the thread" }).ClickAsync();
            await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Supervision rota for spring", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(member.Locator(".app-forum-attachments")).ToContainTextAsync(Path.GetFileName(upload));
            await BrowserSession.AssertAccessibleAsync(member);
            var threadUrl = member.Url;

            // Another member replies, quoting the first post.
            var secretary = await session.NewPageAsync();
            await session.SignInAsync(secretary, DemoData.SecretaryEmail);
            await secretary.GotoAsync(threadUrl);
            await BrowserSession.AssertAccessibleAsync(secretary);
            await secretary.GetByRole(AriaRole.Link, new() { Name = "Quote the post by Aisha Begum" }).ClickAsync();
            var reply = secretary.GetByLabel("Your reply");
            await Assertions.Expect(reply).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^> Aisha Begum wrote:"));
            await reply.FillAsync(await reply.InputValueAsync() + "Buy my supervision course instead, discount code TOMASZ.");
            await AgreeToGroundRulesAsync(secretary);
            await secretary.GetByRole(AriaRole.Button, new() { Name = "Post your reply" }).ClickAsync();
            await Assertions.Expect(secretary.Locator(".nhsuk-notification-banner--success")).ToContainTextAsync("Your reply has been posted");
            await Assertions.Expect(secretary.Locator(".app-forum-post__body blockquote").Last).ToContainTextAsync("draft rota");
            await BrowserSession.AssertAccessibleAsync(secretary);
            await ShowAtBothWidthsAsync(secretary, "forum-thread-quote");
            await AssertPostsAreCardsAsync(secretary, 1280);
            await AssertPostsAreCardsAsync(secretary, 320);

            // The first member reports the reply with a reason.
            await member.GotoAsync(threadUrl);
            await member.GetByRole(AriaRole.Link, new() { Name = "Report the post by Tomasz Nowak" }).ClickAsync();
            await BrowserSession.AssertAccessibleAsync(member);
            await member.GetByLabel("Why are you reporting this post?").FillAsync("It advertises a paid course, against the ground rules.");
            await member.GetByRole(AriaRole.Button, new() { Name = "Report the post" }).ClickAsync();
            await Assertions.Expect(member.Locator(".nhsuk-notification-banner--success")).ToBeVisibleAsync();
            await BrowserSession.AssertAccessibleAsync(member);

            // The chair removes it from the reports queue with a reason.
            var chair = await session.NewPageAsync();
            await session.SignInAsync(chair, DemoData.ChairEmail);
            await chair.GotoAsync(Forum + "/reports");
            await BrowserSession.AssertAccessibleAsync(chair);
            await chair.GetByRole(AriaRole.Link, new() { Name = "By Tomasz Nowak in “Supervision rota for spring”" }).ClickAsync();
            await Assertions.Expect(chair.Locator("main")).ToContainTextAsync("It advertises a paid course");
            await BrowserSession.AssertAccessibleAsync(chair);
            await chair.GetByLabel("Remove it").CheckAsync();
            await chair.GetByLabel("Note for the post's author").FillAsync("Advertising is not allowed in the forum.");
            await chair.GetByRole(AriaRole.Button, new() { Name = "Resolve the report" }).ClickAsync();
            await Assertions.Expect(chair.Locator(".nhsuk-notification-banner--success")).ToBeVisibleAsync();
            await BrowserSession.AssertAccessibleAsync(chair);

            // Everyone sees the placeholder with the reason; the text is gone from the page.
            await member.GotoAsync(threadUrl);
            var removed = member.Locator(".app-forum-post__removed");
            await Assertions.Expect(removed).ToContainTextAsync("Removed by a moderator: Advertising is not allowed in the forum.");
            await Assertions.Expect(member.Locator("main")).Not.ToContainTextAsync("discount code");
            await BrowserSession.AssertAccessibleAsync(member);
            await ShowAtBothWidthsAsync(member, "forum-thread-removed");
            await member.GotoAsync(Forum);
            await ShowAtBothWidthsAsync(member, "forum-index");
            Assert.True(await session.Portal.WithDbAsync(db => db.ForumPosts.AnyAsync(p => p.RemovedReason == "Advertising is not allowed in the forum." && p.Body.Contains("discount code"))));
        }
        finally
        {
            File.Delete(upload);
        }
    }

    /// <summary>Screenshots at 1280 px and 320 px (to look at); at 320 px the page reflows with no horizontal scroll.</summary>
    private async Task ShowAtBothWidthsAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(1280, 900);
        await session.ScreenshotAsync(page, name + "-1280");
        await page.SetViewportSizeAsync(320, 800);
        await session.ScreenshotAsync(page, name + "-320");
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 320, $"{page.Url} is {scrollWidth}px wide at 320px");
    }

    /// <summary>Each post is a card (its blue top edge) with its actions on one line, on wide screens as on phones.</summary>
    private static async Task AssertPostsAreCardsAsync(IPage page, int width)
    {
        await page.SetViewportSizeAsync(width, 900);
        var topEdge = await page.Locator(".app-forum-post").First.EvaluateAsync<string>("post => getComputedStyle(post).borderTopWidth");
        Assert.True(topEdge == "4px", $"a post's top edge is {topEdge} at {width}px");
        var action = await page.Locator(".app-forum-post__actions > li").First.EvaluateAsync<string>("item => getComputedStyle(item).display");
        Assert.True(action == "inline-block", $"a post's actions are laid out as {action} at {width}px");
    }

    /// <summary>The ground rules are asked for once, before a person's first post.</summary>
    private static async Task AgreeToGroundRulesAsync(IPage page)
    {
        var agree = page.GetByLabel("I have read and agree to the ground rules");
        if (await agree.CountAsync() > 0)
        {
            await agree.CheckAsync();
        }
    }
}
