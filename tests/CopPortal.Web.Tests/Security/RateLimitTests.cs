using System.Net;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Web.Pages.Account;
using CopPortal.Web.Tests.Joining;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Tests.Security;

/// <summary>
/// POSTs of the account forms, proposals and join requests are limited per client (IP address) and per address.
/// Client addresses here are from the documentation ranges; the test portal takes them from a test-only header.
/// </summary>
public sealed class RateLimitTests : IDisposable
{
    private const string Attacker = "203.0.113.66";
    private readonly PortalFactory _portal = new();

    private static Dictionary<string, string> SignInForm(string email, string password) =>
        Html.Form(("Input.Email", email), ("Input.Password", password));

    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter!.Value.TotalSeconds, 1, 60);
        var page = await Html.ParseAsync(response);
        Assert.Equal("You have tried too many times", page.QuerySelector("h1")!.TextContent);
        Assert.Matches(@"Wait (\d+ seconds|1 second|1 minute), then go back and try again", page.MainText());
        Assert.NotNull(page.QuerySelector("link[href*='nhsuk']"));
    }

    [Fact]
    public async Task Sign_in_posts_beyond_the_per_client_limit_get_a_friendly_429_page_with_retry_after()
    {
        _portal.Settings["RateLimits:SignInPerClientPerMinute"] = "3";
        var client = _portal.CreateBrowserClient(Attacker);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var allowed = await client.SubmitFormAsync("/account/sign-in", SignInForm($"person{attempt}@nhs.net", "wrong but long password"));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        await AssertTooManyAsync(await client.SubmitFormAsync("/account/sign-in", SignInForm("person4@nhs.net", "wrong but long password")));

        // Only POSTs are limited: the page itself can still be read, and another client can still sign in.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
        await _portal.CreateBrowserClient("198.51.100.7").AsAsync(DemoData.MemberEmail);
    }

    [Fact]
    public async Task Sign_in_posts_for_one_address_are_limited_across_clients()
    {
        _portal.Settings["RateLimits:SignInPerAddressPerMinute"] = "3";
        for (var n = 1; n <= 3; n++)
        {
            var allowed = await _portal.CreateBrowserClient($"198.51.100.{n}").SubmitFormAsync("/account/sign-in", SignInForm(DemoData.MemberEmail, "wrong but long password"));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        // The address is normalised: case and surrounding spaces make no difference.
        await AssertTooManyAsync(await _portal.CreateBrowserClient("198.51.100.4").SubmitFormAsync("/account/sign-in", SignInForm("  MEMBER@demo.nhs.uk ", DemoData.Password)));

        // Another address from the same client is not affected.
        await _portal.CreateBrowserClient("198.51.100.4").AsAsync(DemoData.StaffEmail);
    }

    [Fact]
    public async Task Hammering_the_staff_address_from_one_client_does_not_lock_the_staff_out()
    {
        _portal.Settings["RateLimits:SignInPerClientPerMinute"] = "10";
        _portal.Settings["RateLimits:SignInPerAddressPerMinute"] = "20";
        var attacker = _portal.CreateBrowserClient(Attacker);
        var answers = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 15; attempt++)
        {
            answers.Add((await attacker.SubmitFormAsync("/account/sign-in", SignInForm(DemoData.StaffEmail, "guess number " + attempt))).StatusCode);
        }
        // The attacker is paused after five guesses and refused outright after ten.
        Assert.Equal(10, answers.Count(a => a == HttpStatusCode.OK));
        Assert.Equal(5, answers.Count(a => a == HttpStatusCode.TooManyRequests));

        // The account itself is not locked, and its owner signs in from their own client.
        Assert.Null(await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.StaffEmail).Select(u => u.LockoutEnd).SingleAsync()));
        await _portal.CreateBrowserClient("198.51.100.20").AsAsync(DemoData.StaffEmail);
    }

    [Fact]
    public async Task The_pause_from_wrong_passwords_applies_to_the_client_that_made_them()
    {
        var attacker = _portal.CreateBrowserClient(Attacker);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await attacker.SubmitFormAsync("/account/sign-in", SignInForm(DemoData.StaffEmail, "guess number " + attempt));
        }
        var refused = await attacker.SubmitFormAsync("/account/sign-in", SignInForm(DemoData.StaffEmail, DemoData.Password));
        Assert.Equal([SignInModel.PausedMessage], (await Html.ParseAsync(refused)).ErrorSummary());

        await _portal.CreateBrowserClient("198.51.100.20").AsAsync(DemoData.StaffEmail);

        // The pause ends by itself.
        _portal.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        await _portal.CreateBrowserClient(Attacker).AsAsync(DemoData.StaffEmail);
    }

    [Theory]
    [InlineData("/account/register", "Register")]
    [InlineData("/account/forgot-password", "PasswordReset")]
    [InlineData("/account/resend-confirmation", "ResendConfirmation")]
    public async Task Other_account_forms_are_limited_per_client(string url, string scope)
    {
        _portal.Settings[$"RateLimits:{scope}PerClientPerMinute"] = "1";
        var client = _portal.CreateBrowserClient(Attacker);
        var fields = Html.Form(("Input.DisplayName", "Jo Bloggs"), ("Input.Email", "first@nhs.net"), ("Input.Password", "kettle orchard lantern"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.SubmitFormAsync(url, fields)).StatusCode);
        fields["Input.Email"] = "second@nhs.net";
        await AssertTooManyAsync(await client.SubmitFormAsync(url, fields));
    }

    [Theory]
    [InlineData("/account/forgot-password", "PasswordReset")]
    [InlineData("/account/resend-confirmation", "ResendConfirmation")]
    [InlineData("/account/register", "Register")]
    public async Task Other_account_forms_are_limited_per_address(string url, string scope)
    {
        _portal.Settings[$"RateLimits:{scope}PerAddressPerMinute"] = "1";
        var fields = Html.Form(("Input.DisplayName", "Jo Bloggs"), ("Input.Email", DemoData.MemberEmail), ("Input.Password", "kettle orchard lantern"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await _portal.CreateBrowserClient("198.51.100.1").SubmitFormAsync(url, fields)).StatusCode);
        await AssertTooManyAsync(await _portal.CreateBrowserClient("198.51.100.2").SubmitFormAsync(url, fields));
    }

    [Fact]
    public async Task Proposals_are_limited_per_person()
    {
        _portal.Settings["RateLimits:ProposalPerAddressPerMinute"] = "1";
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var empty = Html.Form(("Input.Name", ""));
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitFormAsync("/communities/propose", empty)).StatusCode);
        await AssertTooManyAsync(await client.SubmitFormAsync("/communities/propose", empty));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/communities/propose")).StatusCode);
    }

    [Fact]
    public async Task Join_requests_are_limited_per_person()
    {
        _portal.Settings["RateLimits:JoinRequestPerAddressPerMinute"] = "1";
        await _portal.CreateApplicantAsync("new.pwp@test.nhs.uk");
        var client = await _portal.SignedInClientAsync("new.pwp@test.nhs.uk");
        const string join = "/communities/psychological-practitioners/join";
        var empty = Html.Form(("Input.JobTitle", ""));
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitFormAsync(join, empty)).StatusCode);
        await AssertTooManyAsync(await client.SubmitFormAsync(join, empty));
    }

    public void Dispose() => _portal.Dispose();
}
