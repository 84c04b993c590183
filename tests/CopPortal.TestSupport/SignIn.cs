using System.Net;
using Xunit;

namespace CopPortal.TestSupport;

public static class SignIn
{
    /// <summary>Signs in through the real sign-in page and asserts the redirect that means success.</summary>
    public static async Task AsAsync(this HttpClient client, string email, string password = PortalFactory.DemoPassword)
    {
        var response = await client.SubmitFormAsync("/account/sign-in", Html.Form(("Input.Email", email), ("Input.Password", password)));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {email} did not redirect (got {(int)response.StatusCode}).");
    }

    /// <summary>A new client signed in as the given user.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this PortalFactory factory, string email, string password = PortalFactory.DemoPassword)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateBrowserClient();
        await client.AsAsync(email, password);
        return client;
    }
}
