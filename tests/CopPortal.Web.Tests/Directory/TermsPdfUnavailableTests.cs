using System.Net;

namespace CopPortal.Web.Tests.Directory;

/// <summary>A server without Chromium: the ToR page offers the print view and the PDF address explains.</summary>
public sealed class TermsPdfUnavailableTests : IDisposable
{
    private const string Url = "/communities/" + DirectoryTestData.Practitioners + "/terms";
    private readonly PortalFactory _portal = new();

    public TermsPdfUnavailableTests() => _portal.Settings["Pdf:ChromiumPath"] = "/nonexistent/chromium";

    [Fact]
    public async Task Get_terms_offers_a_printable_version_instead_of_a_download()
    {
        var page = await _portal.CreateBrowserClient().GetPageAsync(Url);
        var link = page.QuerySelector($"a[href='{Url}.pdf']")!;
        Assert.StartsWith("Printable version", link.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("PDF download is not available on this server", page.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_pdf_redirects_to_the_print_view_which_explains()
    {
        var client = _portal.CreateBrowserClient();
        var response = await client.GetAsync(Url + ".pdf");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Url + "?print=true", response.Headers.Location!.OriginalString);
        var print = await client.GetPageAsync(Url + "?print=true");
        Assert.Contains("PDF download is not available on this server because Chromium is not installed.", print.QuerySelector(".print-notice")!.TextContent, StringComparison.Ordinal);
    }

    public void Dispose() => _portal.Dispose();
}
