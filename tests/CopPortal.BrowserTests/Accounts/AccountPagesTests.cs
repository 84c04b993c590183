using CopPortal.Domain.Messaging;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CopPortal.BrowserTests.Accounts;

public sealed class AccountPagesTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task Register_page_and_its_refusal_for_a_personal_email_are_accessible()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/account/register");
        await session.ScreenshotAsync(page, "account-register");
        await BrowserSession.AssertAccessibleAsync(page);

        await page.GetByLabel("Full name").FillAsync("Jo Bloggs");
        await page.GetByLabel("Email address").FillAsync("jo.bloggs@gmail.com");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("kettle orchard lantern");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("ask the network team for an invitation");
        await Assertions.Expect(page.Locator("#needs-invitation")).ToBeVisibleAsync();
        await session.ScreenshotAsync(page, "account-register-refused");
        await BrowserSession.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Sign_in_error_state_is_accessible()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter your email address");
        await session.ScreenshotAsync(page, "account-sign-in-error");
        await BrowserSession.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Profile_page_is_accessible_and_shows_errors_inline()
    {
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, DemoData.SecretaryEmail);
        await page.GotoAsync("/account/profile");
        await Assertions.Expect(page.GetByLabel("Profession")).ToBeVisibleAsync();
        await session.ScreenshotAsync(page, "account-profile");
        await BrowserSession.AssertAccessibleAsync(page);

        await page.GetByLabel("Full name").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter your full name");
        await session.ScreenshotAsync(page, "account-profile-error");
        await BrowserSession.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Staff_invitations_page_is_accessible_with_an_invitation_listed()
    {
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, DemoData.StaffEmail);
        await page.GotoAsync("/staff/invitations/new");
        await page.GetByLabel("Email address").FillAsync("expert.by.experience@example.org");
        await page.GetByLabel("Message (optional)").FillAsync("We would love you to join the Expert by Experience panel.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(session.BaseUrl + "/staff/invitations");
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Invitation sent to expert.by.experience@example.org");
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("expert.by.experience@example.org");
        await session.ScreenshotAsync(page, "staff-invitations");
        await BrowserSession.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Staff_outbox_dashboard_people_and_audit_pages_are_accessible()
    {
        await session.Portal.WithDbAsync(async db =>
        {
            var now = session.Portal.Clock.GetUtcNow();
            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = Guid.NewGuid(), Kind = "account.confirm-email", ToAddress = "a.very.long.email.address.for.wrapping@mft.nhs.uk", Subject = "Confirm your email address for the PPN Midlands communities of practice",
                TextBody = "Body", Status = OutboxStatus.Failed, Attempts = 6, LastError = "SmtpException: Transaction failed. The server response was: 451 Temporary failure, try again later", CreatedAt = now, NextAttemptAt = now,
            });
            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = Guid.NewGuid(), Kind = "account.password-reset", ToAddress = "member@demo.nhs.uk", Subject = "Reset your password for the PPN Midlands communities of practice",
                TextBody = "Body", Status = OutboxStatus.Sent, Attempts = 1, CreatedAt = now, NextAttemptAt = now, SentAt = now,
            });
            await db.SaveChangesAsync();
        });
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, DemoData.StaffEmail);

        await page.GotoAsync("/staff/outbox");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Try again" }).First).ToBeVisibleAsync();
        await session.ScreenshotAsync(page, "staff-outbox");
        await BrowserSession.AssertAccessibleAsync(page);

        var memberId = await session.Portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.MemberEmail).Select(u => u.Id).SingleAsync());
        var pages = new[]
        {
            ("/staff", "staff-dashboard"), ("/staff/people", "staff-people"), ($"/staff/people/{memberId}", "staff-person"), ("/staff/email-domains", "staff-email-domains"),
            ("/staff/invitations/new", "staff-invitation-new"), ("/staff/audit", "staff-audit"), ("/council", "council"), ("/account/change-password", "account-change-password"),
        };
        foreach (var (path, name) in pages)
        {
            await page.GotoAsync(path);
            await session.ScreenshotAsync(page, name);
            await BrowserSession.AssertAccessibleAsync(page);
        }
    }

    [Fact]
    public async Task Member_is_shown_the_403_page_on_staff_pages()
    {
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, DemoData.MemberEmail);
        var response = await page.GotoAsync("/staff/outbox");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You do not have permission to view this page");
        await BrowserSession.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Invited_person_creates_an_account_from_the_link()
    {
        var token = "";
        await session.Portal.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<CopPortal.Domain.Data.CopDbContext>();
            var staffId = await db.Users.Where(u => u.Email == DemoData.StaffEmail).Select(u => u.Id).SingleAsync();
            (_, token) = sp.GetRequiredService<InvitationService>().Create("invited.browser@example.org", null, staffId);
            await db.SaveChangesAsync();
        });
        var page = await session.NewPageAsync();
        await page.GotoAsync("/account/invitation/" + token);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Create your account");
        await session.ScreenshotAsync(page, "account-invitation");
        await BrowserSession.AssertAccessibleAsync(page);

        await page.GetByLabel("Full name").FillAsync("Robin Expert");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("harbour violet compass");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(session.BaseUrl + "/account/profile");
        await Assertions.Expect(page.Locator(".nhsuk-header__account")).ToContainTextAsync("Robin Expert");

        await page.GotoAsync("/account/invitation/" + token);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("This invitation has already been used");
        await session.ScreenshotAsync(page, "account-invitation-used");
        await BrowserSession.AssertAccessibleAsync(page);
    }

    [Theory]
    [InlineData("/account/forgot-password", "account-forgot-password")]
    [InlineData("/account/resend-confirmation", "account-resend-confirmation")]
    [InlineData("/account/register/check-your-email", "account-check-your-email")]
    public async Task Public_account_page_is_accessible(string path, string name)
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync(path);
        await session.ScreenshotAsync(page, name);
        await BrowserSession.AssertAccessibleAsync(page);
    }
}
