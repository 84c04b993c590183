using System.Net;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Security;

public sealed class SignOutTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private HttpClient ReplayingClient(string cookie)
    {
        var client = _portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    [Fact]
    public async Task A_copied_sign_in_cookie_stops_working_as_soon_as_its_owner_signs_out()
    {
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var handlerCookies = await CookieHeaderAsync(client);

        // The copy works while the owner is signed in...
        Assert.Equal(HttpStatusCode.OK, (await ReplayingClient(handlerCookies).GetAsync(PortalPaths.My)).StatusCode);

        var signedOut = await client.SubmitFormAsync(PortalPaths.SignOut, []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        // ...and not a moment after: no waiting for the once-a-minute check.
        var replayed = await ReplayingClient(handlerCookies).GetAsync(PortalPaths.My);
        Assert.Equal("/account/sign-in?ReturnUrl=%2Fmy", Accounts.AccountTestData.RedirectPath(replayed));
    }

    [Fact]
    public async Task After_signing_out_the_person_can_sign_in_again()
    {
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        await client.SubmitFormAsync(PortalPaths.SignOut, []);
        var again = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync(PortalPaths.My)).StatusCode);
    }

    /// <summary>The Cookie header the client sends, as an attacker who copied it would replay it.</summary>
    private static async Task<string> CookieHeaderAsync(HttpClient client)
    {
        var probe = await client.GetAsync(PortalPaths.Profile);
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        var sent = probe.RequestMessage!.Headers.TryGetValues("Cookie", out var values) ? string.Join("; ", values) : "";
        Assert.Contains("copportal.auth=", sent, StringComparison.Ordinal);
        return sent;
    }
}
