using CopPortal.Domain.Links;
using CopPortal.Domain.Messaging;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CopPortal.BrowserTests.Notifications;

/// <summary>A member chooses their emails, then unsubscribes from one kind by the link in an email; each page checked with axe.</summary>
public sealed class NotificationPagesTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task Member_chooses_emails_and_unsubscribes_from_a_link_accessibly()
    {
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, DemoData.MemberEmail);
        await page.GotoAsync("/my");
        await page.GetByRole(AriaRole.Link, new() { Name = "Choose your emails" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose your emails", Level = 1 })).ToBeVisibleAsync();
        await session.ScreenshotAsync(page, "my-notifications");
        await BrowserSession.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Group, new() { Name = "Forum replies" }).GetByLabel("In one daily summary email").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Actions" }).GetByLabel("Off").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save your choices" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Your email choices have been saved");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Forum replies" }).GetByLabel("In one daily summary email")).ToBeCheckedAsync();
        await BrowserSession.AssertAccessibleAsync(page);

        // The link from an email's footer, opened without being signed in.
        var userId = await session.Portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.MemberEmail).Select(u => u.Id).SingleAsync());
        var token = session.Portal.Services.GetRequiredService<UnsubscribeLinks>().Token(userId, EmailTopic.MinutesAndAgendas);
        var anonymous = await session.NewPageAsync();
        await anonymous.GotoAsync(PortalPaths.Unsubscribe(token));
        await Assertions.Expect(anonymous.GetByRole(AriaRole.Heading, new() { Name = "Unsubscribe from emails about agendas and minutes" })).ToBeVisibleAsync();
        await session.ScreenshotAsync(anonymous, "unsubscribe-confirm");
        await BrowserSession.AssertAccessibleAsync(anonymous);

        await anonymous.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickAsync();
        await Assertions.Expect(anonymous.GetByRole(AriaRole.Heading, new() { Name = "You have unsubscribed" })).ToBeVisibleAsync();
        await session.ScreenshotAsync(anonymous, "unsubscribe-done");
        await BrowserSession.AssertAccessibleAsync(anonymous);

        var choice = await session.Portal.WithDbAsync(db => db.NotificationPreferences.AsNoTracking().SingleAsync(p => p.UserId == userId && p.Topic == EmailTopic.MinutesAndAgendas));
        Assert.Equal(EmailDelivery.Off, choice.Delivery);
    }
}
