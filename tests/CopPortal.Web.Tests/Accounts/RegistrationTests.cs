using System.Net;
using CopPortal.Domain.People;
using CopPortal.Web.Accounts;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Accounts;

public sealed class RegistrationTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private static Dictionary<string, string> Form(string email, string password = AccountTestData.NewPassword, string name = "Jo Bloggs") =>
        Html.Form(("Input.DisplayName", name), ("Input.Email", email), ("Input.Password", password));

    [Fact]
    public async Task Post_nhs_sub_domain_email_creates_an_unconfirmed_account_and_queues_a_confirmation_email()
    {
        var client = _portal.CreateBrowserClient();
        var response = await client.SubmitFormAsync(PortalPaths.Register, Form("jo.bloggs@mft.nhs.uk"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PortalPaths.RegisterCheckYourEmail, response.Headers.Location!.OriginalString);
        var check = await client.GetPageAsync(PortalPaths.RegisterCheckYourEmail);
        Assert.Contains("We have sent an email to jo.bloggs@mft.nhs.uk", check.MainText(), StringComparison.Ordinal);

        var user = await _portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "jo.bloggs@mft.nhs.uk"));
        Assert.False(user.EmailConfirmed);
        Assert.Equal("Jo Bloggs", user.DisplayName);
        var mail = Assert.Single(await _portal.OutboxAsync(), m => m.ToAddress == "jo.bloggs@mft.nhs.uk");
        Assert.Equal(AccountEmails.ConfirmEmailKind, mail.Kind);
        Assert.Equal("Confirm your email address for the PPN Midlands communities of practice", mail.Subject);
        Assert.StartsWith("/account/confirm-email?userId=" + user.Id, AccountTestData.LinkIn(mail, "/account/confirm-email"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_gmail_address_is_refused_with_how_to_get_an_invitation_and_saves_nothing()
    {
        var client = _portal.CreateBrowserClient();
        var usersBefore = await _portal.WithDbAsync(db => db.Users.CountAsync());

        var response = await client.SubmitFormAsync(PortalPaths.Register, Form("jo.bloggs@gmail.com"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal([Pages.Account.Register.IndexModel.NotAllowedMessage], page.ErrorSummary());
        Assert.Contains("Email the network team at network.team@copportal.local and ask for an invitation", page.QuerySelector("#needs-invitation")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(usersBefore, await _portal.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Empty(await _portal.OutboxAsync());
    }

    [Fact]
    public async Task Post_look_alike_domain_is_refused()
    {
        var client = _portal.CreateBrowserClient();
        var response = await client.SubmitFormAsync(PortalPaths.Register, Form("jo@evilnhs.uk"));
        var page = await Html.ParseAsync(response);
        Assert.Equal([Pages.Account.Register.IndexModel.NotAllowedMessage], page.ErrorSummary());
    }

    [Fact]
    public async Task Post_empty_form_shows_every_error()
    {
        var client = _portal.CreateBrowserClient();
        var response = await client.SubmitFormAsync(PortalPaths.Register, Html.Form(("Input.DisplayName", " "), ("Input.Email", ""), ("Input.Password", "")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Enter your full name", "Enter your email address", "Enter a password"], (await Html.ParseAsync(response)).ErrorSummary());
    }

    [Theory]
    [InlineData("short pass", "Password must be 12 characters or more")]
    [InlineData("password1234", "Password is too easy to guess because it uses a common password. Try 3 random words, or add more words that are not a well-known phrase")]
    public async Task Post_weak_password_is_refused_and_nothing_is_saved(string password, string error)
    {
        var client = _portal.CreateBrowserClient();
        var response = await client.SubmitFormAsync(PortalPaths.Register, Form("weak@nhs.net", password));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([error], (await Html.ParseAsync(response)).ErrorSummary());
        Assert.False(await _portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "weak@nhs.net")));
        Assert.Empty(await _portal.OutboxAsync());
    }

    [Fact]
    public async Task Get_register_explains_the_password_rule()
    {
        var page = await _portal.CreateBrowserClient().GetPageAsync(PortalPaths.Register);
        Assert.Contains("Use at least 12 characters", page.QuerySelector("#Input_Password-hint")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_email_that_already_has_an_account_looks_the_same_but_emails_the_owner()
    {
        var client = _portal.CreateBrowserClient();
        var response = await client.SubmitFormAsync(PortalPaths.Register, Form("MEMBER@demo.nhs.uk"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PortalPaths.RegisterCheckYourEmail, response.Headers.Location!.OriginalString);
        Assert.Equal(1, await _portal.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == "MEMBER@DEMO.NHS.UK")));
        var mail = Assert.Single(await _portal.OutboxAsync());
        Assert.Equal(AccountEmails.AlreadyRegisteredKind, mail.Kind);
        Assert.Contains("http://localhost/account/forgot-password", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_is_refused_before_confirming_and_allowed_after_following_the_link()
    {
        var client = _portal.CreateBrowserClient();
        await client.SubmitFormAsync(PortalPaths.Register, Form("new.person@nhs.net"));

        var refused = await client.SubmitFormAsync(PortalPaths.SignIn, Html.Form(("Input.Email", "new.person@nhs.net"), ("Input.Password", AccountTestData.NewPassword)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await Html.ParseAsync(refused);
        Assert.Equal(["Confirm your email address before you sign in"], refusedPage.ErrorSummary());
        Assert.NotNull(refusedPage.QuerySelector("main a[href='/account/resend-confirmation']"));

        var link = AccountTestData.LinkIn(Assert.Single(await _portal.OutboxAsync()), "/account/confirm-email");
        var confirmed = await client.GetPageAsync(link);
        Assert.Equal("Email address confirmed", confirmed.QuerySelector("h1")!.TextContent);

        var allowed = await client.SubmitFormAsync(PortalPaths.SignIn, Html.Form(("Input.Email", "new.person@nhs.net"), ("Input.Password", AccountTestData.NewPassword)));
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        Assert.Equal("/", allowed.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Get_confirm_email_with_a_tampered_code_is_refused()
    {
        var client = _portal.CreateBrowserClient();
        await client.SubmitFormAsync(PortalPaths.Register, Form("tamper@nhs.net"));
        var link = AccountTestData.LinkIn(Assert.Single(await _portal.OutboxAsync()), "/account/confirm-email");

        var response = await client.GetAsync(link[..^4] + "AAAA");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("This link has expired or is not valid", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent);
        Assert.False(await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == "tamper@nhs.net").Select(u => u.EmailConfirmed).SingleAsync()));
    }

    [Fact]
    public async Task Post_resend_confirmation_sends_a_new_link_only_to_unconfirmed_accounts_and_always_says_the_same()
    {
        var client = _portal.CreateBrowserClient();
        await client.SubmitFormAsync(PortalPaths.Register, Form("resend@nhs.net"));

        var forUnconfirmed = await Html.ParseAsync(await client.SubmitFormAsync(PortalPaths.ResendConfirmation, Html.Form(("Input.Email", "resend@nhs.net"))));
        var forConfirmed = await Html.ParseAsync(await client.SubmitFormAsync(PortalPaths.ResendConfirmation, Html.Form(("Input.Email", "member@demo.nhs.uk"))));
        var forNobody = await Html.ParseAsync(await client.SubmitFormAsync(PortalPaths.ResendConfirmation, Html.Form(("Input.Email", "nobody@nhs.net"))));

        Assert.Equal("Check your email", forUnconfirmed.QuerySelector("h1")!.TextContent);
        Assert.Equal(forNobody.MainText().Replace("nobody@nhs.net", "X", StringComparison.Ordinal), forConfirmed.MainText().Replace("member@demo.nhs.uk", "X", StringComparison.Ordinal));
        var mails = await _portal.OutboxAsync();
        Assert.Equal(2, mails.Count(m => m.ToAddress == "resend@nhs.net" && m.Kind == AccountEmails.ConfirmEmailKind));
        Assert.DoesNotContain(mails, m => m.ToAddress is "member@demo.nhs.uk" or "nobody@nhs.net");

        // The newest link works.
        var confirmed = await client.GetPageAsync(AccountTestData.LinkIn(mails.Last(m => m.ToAddress == "resend@nhs.net"), "/account/confirm-email"));
        Assert.Equal("Email address confirmed", confirmed.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Resend_confirmation_and_registering_again_send_at_most_three_links_in_fifteen_minutes()
    {
        var client = _portal.CreateBrowserClient();
        await client.SubmitFormAsync(PortalPaths.Register, Form("flood@nhs.net"));
        for (var i = 0; i < 3; i++)
        {
            var answer = await Html.ParseAsync(await client.SubmitFormAsync(PortalPaths.ResendConfirmation, Html.Form(("Input.Email", "flood@nhs.net"))));
            Assert.Equal("Check your email", answer.QuerySelector("h1")!.TextContent);
        }
        await client.SubmitFormAsync(PortalPaths.Register, Form("flood@nhs.net"));
        Assert.Equal(AccountEmails.MaxTriggeredPerAddress, (await _portal.OutboxAsync()).Count(m => m.ToAddress == "flood@nhs.net"));

        // Registering again with a confirmed address tells its owner, within the same limit.
        for (var i = 0; i < 5; i++)
        {
            await client.SubmitFormAsync(PortalPaths.Register, Form(DemoData.MemberEmail));
        }
        Assert.Equal(AccountEmails.MaxTriggeredPerAddress, (await _portal.OutboxAsync()).Count(m => m.ToAddress == DemoData.MemberEmail && m.Kind == AccountEmails.AlreadyRegisteredKind));
    }

    [Fact]
    public async Task Emails_use_the_public_base_url_when_it_is_configured()
    {
        using var portal = new PortalFactory();
        portal.Settings["PublicBaseUrl"] = "https://cops.example.nhs.uk/";
        var client = portal.CreateBrowserClient();
        await client.SubmitFormAsync(PortalPaths.Register, Form("base.url@nhs.net"));
        var mail = Assert.Single(await portal.OutboxAsync());
        Assert.Contains("https://cops.example.nhs.uk/account/confirm-email?userId=", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_again_before_confirming_sends_a_fresh_confirmation_link_and_creates_no_second_account()
    {
        var client = _portal.CreateBrowserClient();
        await client.SubmitFormAsync(PortalPaths.Register, Form("twice@nhs.net"));
        var again = await client.SubmitFormAsync(PortalPaths.Register, Form("twice@nhs.net", name: "Jo Again"));

        Assert.Equal(PortalPaths.RegisterCheckYourEmail, AccountTestData.RedirectPath(again));
        Assert.Equal(1, await _portal.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "twice@nhs.net")));
        var mails = await _portal.OutboxAsync();
        Assert.Equal(2, mails.Count(m => m.ToAddress == "twice@nhs.net" && m.Kind == AccountEmails.ConfirmEmailKind));
        var confirmed = await client.GetPageAsync(AccountTestData.LinkIn(mails[^1], "/account/confirm-email"));
        Assert.Equal("Email address confirmed", confirmed.QuerySelector("h1")!.TextContent);
    }
}
