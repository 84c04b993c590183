using System.Net;

namespace CopPortal.Web.Tests.Foundation;

public sealed class HomeAndHealthTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    [Fact]
    public async Task Get_home_renders_the_network_name_and_sign_in_link()
    {
        var client = _portal.CreateBrowserClient();
        var page = await client.GetPageAsync("/");
        Assert.Contains("PPN Midlands communities of practice", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/account/sign-in']"));
    }

    [Fact]
    public async Task Get_nhsuk_stylesheet_keeps_escaped_selectors_and_drops_the_blocked_fonts()
    {
        var css = await _portal.CreateBrowserClient().GetStringAsync("/lib/nhsuk/nhsuk-frontend.min.css");
        // The skip link is hidden until focused by a rule whose selector escapes a colon (".\:focus"); a copy
        // step that turns the backslash into a slash drops the whole rule and the link shows over the logo.
        Assert.Contains(".nhsuk-skip-link:not(:active):not(:focus):not(.\\:focus)", css, StringComparison.Ordinal);
        Assert.DoesNotContain("./:", css, StringComparison.Ordinal);
        Assert.DoesNotContain("@font-face", css, StringComparison.Ordinal);
        Assert.DoesNotContain("url(/assets/", css, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/css/site.css")]
    [InlineData("/css/print.css")]
    public async Task Our_stylesheets_close_every_block_they_open(string stylesheet)
    {
        // One missing "}" once put every rule after the council charts' phone-only block inside it, so forum
        // posts lost their cards on wider screens while phones still looked right.
        var css = await _portal.CreateBrowserClient().GetStringAsync(stylesheet);
        var depth = 0;
        var line = 1;
        for (var i = 0; i < css.Length; i++)
        {
            switch (css[i])
            {
                case '/' when i + 1 < css.Length && css[i + 1] == '*':
                    var end = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    Assert.True(end >= 0, $"{stylesheet}: a comment on line {line} is never closed");
                    line += css.AsSpan(i, end - i).Count('\n');
                    i = end + 1;
                    break;
                case '\n':
                    line++;
                    break;
                case '{':
                    depth++;
                    break;
                case '}':
                    depth--;
                    Assert.True(depth >= 0, $"{stylesheet}: line {line} closes a block that was never opened");
                    break;
            }
        }
        Assert.True(depth == 0, $"{stylesheet} ends with {depth} block(s) still open");
    }

    [Fact]
    public async Task Get_health_is_200_when_the_database_answers()
    {
        var response = await _portal.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_health_is_503_when_the_database_does_not_answer()
    {
        using var portal = new PortalFactory(CopPortal.Domain.Data.DatabaseProvider.Sqlite, demoData: false);
        var client = portal.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        // Take the database away underneath the running portal: the next query finds no tables.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(Path.Combine(portal.DataDirectory, "copportal.db"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Get_unknown_page_is_a_friendly_404_without_details()
    {
        var response = await _portal.CreateClient().GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Responses_carry_a_content_security_policy_without_inline_scripts()
    {
        var response = await _portal.CreateClient().GetAsync("/");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
    }
}
