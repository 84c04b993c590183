using System.Net;
using System.Text.RegularExpressions;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Web.Pages.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CopPortal.Web.Tests.Security;

/// <summary>Sign-in and registration answer the same way whether or not an address has an account.</summary>
public sealed partial class AccountEnumerationTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private const string Unknown = "nobody.here@nhs.net";
    private readonly PortalFactory _portal = shared.Fresh();

    private static Dictionary<string, string> SignInForm(string email, string password) =>
        Html.Form(("Input.Email", email), ("Input.Password", password));

    /// <summary>The page as a visitor sees it, with the typed address and the per-response antiforgery token blanked.</summary>
    private static async Task<string> ComparableAsync(HttpResponseMessage response, string email) =>
        Tokens().Replace((await response.Content.ReadAsStringAsync()).Replace(email, "ADDRESS", StringComparison.Ordinal), "TOKEN");

    [Fact]
    public async Task Sign_in_answers_an_unknown_address_exactly_as_a_known_address_with_a_wrong_password()
    {
        var known = await _portal.CreateBrowserClient().SubmitFormAsync("/account/sign-in", SignInForm(DemoData.MemberEmail, "wrong but long password"));
        var unknown = await _portal.CreateBrowserClient().SubmitFormAsync("/account/sign-in", SignInForm(Unknown, "wrong but long password"));

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal([SignInModel.NotCorrectMessage], (await Html.ParseAsync(known)).ErrorSummary());
        Assert.Equal(await ComparableAsync(known, DemoData.MemberEmail), await ComparableAsync(unknown, Unknown));
    }

    [Fact]
    public async Task Sign_in_with_an_unknown_address_still_checks_a_password_hash_so_it_takes_as_long()
    {
        var hasher = new CountingHasher();
        using var portal = _portal.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.RemoveAll<IPasswordHasher<PortalUser>>();
            s.AddSingleton<IPasswordHasher<PortalUser>>(hasher);
        }));
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        await client.SubmitFormAsync("/account/sign-in", SignInForm(Unknown, "any password at all"));
        Assert.Equal(1, hasher.Verifications);

        await client.SubmitFormAsync("/account/sign-in", SignInForm(DemoData.MemberEmail, "any password at all"));
        Assert.Equal(2, hasher.Verifications);
    }

    [Fact]
    public async Task A_locked_account_says_so_only_to_someone_who_gives_its_password()
    {
        await _portal.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var member = (await users.FindByEmailAsync(DemoData.MemberEmail))!;
            await users.SetLockoutEnabledAsync(member, true);
            await users.SetLockoutEndDateAsync(member, DateTimeOffset.MaxValue);
        });

        var wrong = await _portal.CreateBrowserClient().SubmitFormAsync("/account/sign-in", SignInForm(DemoData.MemberEmail, "wrong but long password"));
        Assert.Equal([SignInModel.NotCorrectMessage], (await Html.ParseAsync(wrong)).ErrorSummary());

        var right = await _portal.CreateBrowserClient().SubmitFormAsync("/account/sign-in", SignInForm(DemoData.MemberEmail, DemoData.Password));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal([SignInModel.LockedMessage], (await Html.ParseAsync(right)).ErrorSummary());
    }

    [Fact]
    public async Task An_unconfirmed_account_asks_for_confirmation_only_from_someone_who_gives_its_password()
    {
        await _portal.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = "unconfirmed@nhs.net", Email = "unconfirmed@nhs.net", DisplayName = "Not Yet", CreatedAt = _portal.Clock.GetUtcNow() };
            Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        });

        var wrong = await _portal.CreateBrowserClient().SubmitFormAsync("/account/sign-in", SignInForm("unconfirmed@nhs.net", "wrong but long password"));
        var wrongPage = await Html.ParseAsync(wrong);
        Assert.Equal([SignInModel.NotCorrectMessage], wrongPage.ErrorSummary());
        Assert.Null(wrongPage.QuerySelector("main a[href='/account/resend-confirmation']"));

        var right = await _portal.CreateBrowserClient().SubmitFormAsync("/account/sign-in", SignInForm("unconfirmed@nhs.net", DemoData.Password));
        Assert.Equal(["Confirm your email address before you sign in"], (await Html.ParseAsync(right)).ErrorSummary());
    }

    [Fact]
    public async Task Repeated_wrong_passwords_pause_an_unknown_address_exactly_like_a_known_one()
    {
        var known = _portal.CreateBrowserClient();
        var unknown = _portal.CreateBrowserClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var knownAnswer = await known.SubmitFormAsync("/account/sign-in", SignInForm(DemoData.MemberEmail, "wrong password " + attempt));
            var unknownAnswer = await unknown.SubmitFormAsync("/account/sign-in", SignInForm(Unknown, "wrong password " + attempt));
            Assert.Equal(await ComparableAsync(knownAnswer, DemoData.MemberEmail), await ComparableAsync(unknownAnswer, Unknown));
        }
        var paused = await known.SubmitFormAsync("/account/sign-in", SignInForm(DemoData.MemberEmail, DemoData.Password));
        Assert.Equal([SignInModel.PausedMessage], (await Html.ParseAsync(paused)).ErrorSummary());
        var pausedUnknown = await unknown.SubmitFormAsync("/account/sign-in", SignInForm(Unknown, DemoData.Password));
        Assert.Equal(await ComparableAsync(paused, DemoData.MemberEmail), await ComparableAsync(pausedUnknown, Unknown));
    }

    [Fact]
    public async Task Register_judges_a_weak_password_the_same_way_whether_or_not_the_address_has_an_account()
    {
        static Dictionary<string, string> Form(string email) =>
            Html.Form(("Input.DisplayName", "Jo Bloggs"), ("Input.Email", email), ("Input.Password", "Password123456"));

        var existing = await _portal.CreateBrowserClient().SubmitFormAsync("/account/register", Form(DemoData.MemberEmail));
        var fresh = await _portal.CreateBrowserClient().SubmitFormAsync("/account/register", Form("fresh.person@nhs.net"));

        Assert.Equal(HttpStatusCode.OK, existing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(await ComparableAsync(existing, DemoData.MemberEmail), await ComparableAsync(fresh, "fresh.person@nhs.net"));
        Assert.Empty(await _portal.OutboxAsync());
        Assert.False(await _portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "fresh.person@nhs.net")));
    }

    [GeneratedRegex("(?<=name=\"__RequestVerificationToken\" type=\"hidden\" value=\")[^\"]+")]
    private static partial Regex Tokens();

    private sealed class CountingHasher : IPasswordHasher<PortalUser>
    {
        private readonly PasswordHasher<PortalUser> _inner = new();
        private int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(PortalUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
