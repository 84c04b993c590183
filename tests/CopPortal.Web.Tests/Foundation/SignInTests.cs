using System.Net;
using CopPortal.Web.Infrastructure.Database;

namespace CopPortal.Web.Tests.Foundation;

public sealed class SignInTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    [Fact]
    public async Task Post_demo_staff_credentials_signs_in_and_redirects_home()
    {
        var client = _portal.CreateBrowserClient();
        var response = await client.SubmitFormAsync("/account/sign-in", Html.Form(("Input.Email", DemoData.StaffEmail), ("Input.Password", DemoData.Password)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var home = await client.GetPageAsync("/my");
        Assert.Contains("Sam Okafor", home.QuerySelector(".nhsuk-header__account")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_empty_form_shows_both_errors_in_the_summary()
    {
        var client = _portal.CreateBrowserClient();
        var response = await client.SubmitFormAsync("/account/sign-in", Html.Form(("Input.Email", ""), ("Input.Password", "")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(["Enter your email address", "Enter your password"], page.ErrorSummary());
    }

    [Fact]
    public async Task Post_wrong_password_five_times_pauses_sign_in_from_that_client()
    {
        var client = _portal.CreateBrowserClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await client.SubmitFormAsync("/account/sign-in", Html.Form(("Input.Email", DemoData.MemberEmail), ("Input.Password", "not-the-password-" + attempt)));
        }
        var response = await client.SubmitFormAsync("/account/sign-in", Html.Form(("Input.Email", DemoData.MemberEmail), ("Input.Password", DemoData.Password)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal([Pages.Account.SignInModel.PausedMessage], page.ErrorSummary());
    }

    [Fact]
    public async Task Post_with_external_return_url_stays_on_the_portal()
    {
        var client = _portal.CreateBrowserClient();
        var response = await client.SubmitFormAsync("/account/sign-in?ReturnUrl=https%3A%2F%2Fevil.example%2F", Html.Form(("Input.Email", DemoData.StaffEmail), ("Input.Password", DemoData.Password)));
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
