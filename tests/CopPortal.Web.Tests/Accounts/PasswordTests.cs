using System.Net;
using CopPortal.Web.Accounts;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Accounts;

public sealed class PasswordTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private async Task<string> RequestResetLinkAsync(HttpClient client, string email)
    {
        await client.SubmitFormAsync(PortalPaths.ForgotPassword, Html.Form(("Input.Email", email)));
        var mail = (await _portal.OutboxAsync()).Last(m => m.Kind == AccountEmails.PasswordResetKind);
        return AccountTestData.LinkIn(mail, "/account/reset-password");
    }

    [Fact]
    public async Task Post_forgot_password_gives_the_same_answer_whether_or_not_the_account_exists()
    {
        var client = _portal.CreateBrowserClient();
        var known = await Html.ParseAsync(await client.SubmitFormAsync(PortalPaths.ForgotPassword, Html.Form(("Input.Email", DemoData.MemberEmail))));
        var unknown = await Html.ParseAsync(await client.SubmitFormAsync(PortalPaths.ForgotPassword, Html.Form(("Input.Email", "nobody@nhs.net"))));

        Assert.Contains("If an account exists for member@demo.nhs.uk, we have sent a link to reset your password", known.MainText(), StringComparison.Ordinal);
        Assert.Equal(known.MainText().Replace(DemoData.MemberEmail, "X", StringComparison.Ordinal), unknown.MainText().Replace("nobody@nhs.net", "X", StringComparison.Ordinal));
        var mail = Assert.Single(await _portal.OutboxAsync());
        Assert.Equal(DemoData.MemberEmail, mail.ToAddress);
        Assert.Equal(AccountEmails.PasswordResetKind, mail.Kind);
    }

    [Fact]
    public async Task Post_forgot_password_sends_at_most_three_emails_to_one_address_in_fifteen_minutes()
    {
        var client = _portal.CreateBrowserClient();
        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var page = await Html.ParseAsync(await client.SubmitFormAsync(PortalPaths.ForgotPassword, Html.Form(("Input.Email", DemoData.MemberEmail))));
            answers.Add(page.MainText());
        }
        // The visitor sees the same answer every time; only three emails are queued.
        Assert.Single(answers.Distinct());
        Assert.Equal(AccountEmails.MaxTriggeredPerAddress, (await _portal.OutboxAsync()).Count(m => m.Kind == AccountEmails.PasswordResetKind));

        _portal.Clock.Advance(AccountEmails.TriggeredWindow);
        await client.SubmitFormAsync(PortalPaths.ForgotPassword, Html.Form(("Input.Email", DemoData.MemberEmail)));
        Assert.Equal(AccountEmails.MaxTriggeredPerAddress + 1, (await _portal.OutboxAsync()).Count(m => m.Kind == AccountEmails.PasswordResetKind));
    }

    [Fact]
    public async Task Post_forgot_password_without_an_email_shows_an_error()
    {
        var response = await _portal.CreateBrowserClient().SubmitFormAsync(PortalPaths.ForgotPassword, Html.Form(("Input.Email", "")));
        Assert.Equal(["Enter your email address"], (await Html.ParseAsync(response)).ErrorSummary());
    }

    [Fact]
    public async Task Reset_link_sets_a_new_password_once_and_the_old_password_stops_working()
    {
        var client = _portal.CreateBrowserClient();
        var link = await RequestResetLinkAsync(client, DemoData.MemberEmail);

        var response = await client.SubmitFormAsync(link, Html.Form(("Input.Password", AccountTestData.NewPassword)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PortalPaths.SignIn, response.Headers.Location!.OriginalString);

        var old = await client.SubmitFormAsync(PortalPaths.SignIn, Html.Form(("Input.Email", DemoData.MemberEmail), ("Input.Password", DemoData.Password)));
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        await _portal.CreateBrowserClient().AsAsync(DemoData.MemberEmail, AccountTestData.NewPassword);

        // The same link cannot be used again: the security stamp changed.
        var reused = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal("This link has expired or is not valid", (await Html.ParseAsync(reused)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Post_reset_with_a_short_password_explains_the_rule_and_keeps_the_old_password()
    {
        var client = _portal.CreateBrowserClient();
        var link = await RequestResetLinkAsync(client, DemoData.MemberEmail);
        var response = await client.SubmitFormAsync(link, Html.Form(("Input.Password", "too short")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Password must be 12 characters or more"], (await Html.ParseAsync(response)).ErrorSummary());
        await _portal.CreateBrowserClient().AsAsync(DemoData.MemberEmail);
    }

    [Fact]
    public async Task Pause_after_five_wrong_passwords_is_lifted_by_a_password_reset()
    {
        var client = _portal.CreateBrowserClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await client.SubmitFormAsync(PortalPaths.SignIn, Html.Form(("Input.Email", DemoData.MemberEmail), ("Input.Password", "wrong password " + attempt)));
        }
        var locked = await client.SubmitFormAsync(PortalPaths.SignIn, Html.Form(("Input.Email", DemoData.MemberEmail), ("Input.Password", DemoData.Password)));
        Assert.Equal([Pages.Account.SignInModel.PausedMessage], (await Html.ParseAsync(locked)).ErrorSummary());
        // The pause belongs to this client and address; the account itself is not locked.
        Assert.Null(await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.MemberEmail).Select(u => u.LockoutEnd).SingleAsync()));

        var link = await RequestResetLinkAsync(client, DemoData.MemberEmail);
        await client.SubmitFormAsync(link, Html.Form(("Input.Password", AccountTestData.NewPassword)));

        await client.AsAsync(DemoData.MemberEmail, AccountTestData.NewPassword);
    }

    [Fact]
    public async Task Post_change_password_with_the_wrong_current_password_is_refused()
    {
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var response = await client.SubmitFormAsync(PortalPaths.ChangePassword, Html.Form(("Input.CurrentPassword", "not my password"), ("Input.NewPassword", AccountTestData.NewPassword)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Your current password is not correct"], (await Html.ParseAsync(response)).ErrorSummary());
        await _portal.CreateBrowserClient().AsAsync(DemoData.MemberEmail);
        Assert.Empty(await _portal.OutboxAsync());
    }

    [Fact]
    public async Task Post_change_password_with_empty_fields_shows_both_errors()
    {
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var response = await client.SubmitFormAsync(PortalPaths.ChangePassword, Html.Form(("Input.CurrentPassword", ""), ("Input.NewPassword", "")));
        Assert.Equal(["Enter your current password", "Enter a new password"], (await Html.ParseAsync(response)).ErrorSummary());
    }

    [Fact]
    public async Task Post_change_password_changes_it_keeps_the_person_signed_in_and_tells_them_by_email()
    {
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var response = await client.SubmitFormAsync(PortalPaths.ChangePassword, Html.Form(("Input.CurrentPassword", DemoData.Password), ("Input.NewPassword", AccountTestData.NewPassword)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PortalPaths.Profile, response.Headers.Location!.OriginalString);
        var profile = await client.GetPageAsync(PortalPaths.Profile);
        Assert.Contains("Your password has been changed", profile.QuerySelector(".nhsuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        await _portal.CreateBrowserClient().AsAsync(DemoData.MemberEmail, AccountTestData.NewPassword);
        var mail = Assert.Single(await _portal.OutboxAsync());
        Assert.Equal(AccountEmails.PasswordChangedKind, mail.Kind);
        Assert.Contains("http://localhost/account/forgot-password", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_change_password_when_signed_out_redirects_to_sign_in()
    {
        var response = await _portal.CreateBrowserClient().GetAsync(PortalPaths.ChangePassword);
        Assert.Equal("/account/sign-in?ReturnUrl=%2Faccount%2Fchange-password", AccountTestData.RedirectPath(response));
    }
}
