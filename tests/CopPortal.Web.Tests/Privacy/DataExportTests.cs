using System.IO.Compression;
using System.Net;
using System.Text;
using CopPortal.Domain.Privacy;
using CopPortal.Web.Tests.Joining;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Privacy;

public sealed class DataExportTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private static async Task<Dictionary<string, string>> ReadZipAsync(HttpResponseMessage response)
    {
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            files[entry.FullName] = await reader.ReadToEndAsync();
        }
        return files;
    }

    [Fact]
    public async Task Get_download_gives_the_members_own_data_and_nobody_elses()
    {
        await _portal.CreateApplicantAsync("yusuf.exporter@nhs.net", "Yusuf Exporter");
        await _portal.SubmitAsync("yusuf.exporter@nhs.net", JoiningTestData.Caps, a => a.NoLocalCoPExplanation = "I run a reflective practice group on Tuesdays");
        await _portal.CreateApplicantAsync("olive.other@nhs.net", "Olive Other");
        await _portal.SubmitAsync("olive.other@nhs.net", JoiningTestData.Caps, a => a.NoLocalCoPExplanation = "Olive's secret answer");
        var client = await _portal.SignedInClientAsync("yusuf.exporter@nhs.net");

        var page = await client.GetPageAsync(PortalPaths.MyData);
        Assert.Contains("equality and diversity monitoring answers are not included", page.MainText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("/my/data/download", page.QuerySelector("main a.nhsuk-button")!.GetAttribute("href"));

        var response = await client.GetAsync("/my/data/download");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var files = await ReadZipAsync(response);
        Assert.Equal(PersonalDataExport.Files.Order(StringComparer.Ordinal), files.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Yusuf Exporter", files["account.json"], StringComparison.Ordinal);
        Assert.Contains("yusuf.exporter@nhs.net", files["account.json"], StringComparison.Ordinal);
        Assert.Contains("I run a reflective practice group on Tuesdays", files["join-requests.json"], StringComparison.Ordinal);
        Assert.Contains("Clinical Associate in Psychology", files["join-requests.json"], StringComparison.Ordinal);
        Assert.Contains("\"Pending\"", files["join-requests.json"], StringComparison.Ordinal);
        // The email confirming the request is theirs too.
        Assert.Contains("Clinical Associate in Psychology", files["emails.json"], StringComparison.Ordinal);
        Assert.Contains("not included: your equality and diversity monitoring answers", files["README.txt"], StringComparison.OrdinalIgnoreCase);
        var everything = string.Concat(files.Values);
        Assert.DoesNotContain("Olive", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("olive.other", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam Okafor", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_download_for_a_member_lists_their_memberships_and_roles()
    {
        var client = await _portal.SignedInClientAsync(Web.Infrastructure.Database.DemoData.ChairEmail);

        var files = await ReadZipAsync(await client.GetAsync("/my/data/download"));

        Assert.Contains("Hannah Whitfield", files["account.json"], StringComparison.Ordinal);
        Assert.Contains("\"Chair\"", files["memberships.json"], StringComparison.Ordinal);
        Assert.Contains("Psychological Practitioners", files["memberships.json"], StringComparison.Ordinal);
        Assert.DoesNotContain("Aisha Begum", string.Concat(files.Values), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_download_needs_sign_in()
    {
        var response = await _portal.CreateBrowserClient().GetAsync("/my/data/download");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(PortalPaths.SignIn, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
