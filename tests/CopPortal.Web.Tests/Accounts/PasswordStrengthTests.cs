using System.Net;
using CopPortal.Web.Accounts;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Accounts;

/// <summary>Easily guessed passwords are refused wherever a password is set, with the reason and what to do instead.</summary>
public sealed class PasswordStrengthTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    public static TheoryData<string, string> WeakPasswords => new()
    {
        { "Password123456", "Password is too easy to guess because it uses a common password. Try 3 random words, or add more words that are not a well-known phrase" },
        { "qwertyuiop123", "Password is too easy to guess because it uses a common password and a sequence like 1234 or abcd. Try 3 random words, or add more words that are not a well-known phrase" },
        { "Liverpool2024!", "Password is too easy to guess because it uses a common password and a date or a number. Try 3 random words, or add more words that are not a well-known phrase" },
    };

    [Theory]
    [MemberData(nameof(WeakPasswords))]
    public async Task Register_refuses_a_common_password_and_says_why(string password, string error)
    {
        var response = await _portal.CreateBrowserClient().SubmitFormAsync(PortalPaths.Register,
            Html.Form(("Input.DisplayName", "Jo Bloggs"), ("Input.Email", "weak@nhs.net"), ("Input.Password", password)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(error, Assert.Single(page.ErrorSummary()));
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.False(await _portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "weak@nhs.net")));
    }

    [Theory]
    [MemberData(nameof(WeakPasswords))]
    public async Task Reset_refuses_a_common_password(string password, string error)
    {
        var client = _portal.CreateBrowserClient();
        await client.SubmitFormAsync(PortalPaths.ForgotPassword, Html.Form(("Input.Email", DemoData.MemberEmail)));
        var link = AccountTestData.LinkIn((await _portal.OutboxAsync()).Last(m => m.Kind == AccountEmails.PasswordResetKind), "/account/reset-password");

        var response = await client.SubmitFormAsync(link, Html.Form(("Input.Password", password)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(error, Assert.Single((await Html.ParseAsync(response)).ErrorSummary()));
        await _portal.CreateBrowserClient().AsAsync(DemoData.MemberEmail);
    }

    [Theory]
    [MemberData(nameof(WeakPasswords))]
    public async Task Change_password_refuses_a_common_password(string password, string error)
    {
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var response = await client.SubmitFormAsync(PortalPaths.ChangePassword, Html.Form(("Input.CurrentPassword", DemoData.Password), ("Input.NewPassword", password)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(error, Assert.Single((await Html.ParseAsync(response)).ErrorSummary()));
        Assert.Empty(await _portal.OutboxAsync());
        await _portal.CreateBrowserClient().AsAsync(DemoData.MemberEmail);
    }

    [Fact]
    public async Task A_password_with_the_persons_own_name_is_refused()
    {
        var response = await _portal.CreateBrowserClient().SubmitFormAsync(PortalPaths.Register,
            Html.Form(("Input.DisplayName", "Jo Bloggs"), ("Input.Email", "jo.bloggs@nhs.net"), ("Input.Password", "bloggs kettle orchard")));
        Assert.Equal(["Password must not contain your name or email address. Try 3 random words instead"], (await Html.ParseAsync(response)).ErrorSummary());
    }

    [Theory]
    [InlineData("kettle orchard lantern")]
    [InlineData(DemoData.Password)]
    public async Task A_strong_passphrase_is_accepted(string password)
    {
        var response = await _portal.CreateBrowserClient().SubmitFormAsync(PortalPaths.Register,
            Html.Form(("Input.DisplayName", "Jo Bloggs"), ("Input.Email", "strong@nhs.net"), ("Input.Password", password)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await _portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "strong@nhs.net")));
    }
}
