using System.Diagnostics;
using System.Net;
using CopPortal.Domain.Communities;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Tests.Directory;

public sealed class TermsPageTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private const string Url = "/communities/" + DirectoryTestData.Practitioners + "/terms";
    private readonly PortalFactory _portal = shared.Fresh();

    [Fact]
    public async Task Get_anonymous_reads_the_structured_terms_with_a_readable_eligibility_summary()
    {
        var page = await _portal.CreateBrowserClient().GetPageAsync(Url);
        Assert.Equal("Psychological Practitioners", page.QuerySelector("h1")!.TextContent.Trim());
        var eligibility = page.QuerySelectorAll(".app-eligibility .nhsuk-summary-list__row")
            .ToDictionary(r => r.QuerySelector("dt")!.TextContent.Trim(), r => r.QuerySelector("dd")!.TextContent.Trim());
        Assert.Equal("Psychological Wellbeing Practitioner (PWP), Children and Young People's Wellbeing Practitioner (CYWP), Education Mental Health Practitioner (EMHP), Mental Health and Wellbeing Practitioner (MHWP)", eligibility["Open to"]);
        Assert.Equal("Trainee, qualified, senior, lead and education provider", eligibility["Career stages"]);
        Assert.Equal("People in the Midlands. People outside the Midlands may join if there is no similar community in their own region.", eligibility["Region"]);
        var text = page.MainText();
        Assert.Contains("Version 1, agreed 18 November 2026 by Sam Okafor.", text, StringComparison.Ordinal);
        Assert.Contains("Co-chaired by two practitioners from different professions", text, StringComparison.Ordinal);
        Assert.Contains("Members attend when they can", text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='{Url}.pdf']"));
        Assert.Null(page.QuerySelector($"a[href='{Url}/edit']"));
    }

    [Fact]
    public async Task Get_print_view_uses_the_print_layout_without_site_navigation()
    {
        var page = await _portal.CreateBrowserClient().GetPageAsync(Url + "?print=true");
        Assert.NotNull(page.QuerySelector("header.print-header"));
        Assert.Null(page.QuerySelector("header.nhsuk-header"));
        Assert.Contains("Who can join", page.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_pdf_is_a_pdf_with_the_community_name_and_eligibility_text()
    {
        var response = await _portal.CreateBrowserClient().GetAsync(Url + ".pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("psychological-practitioners-terms-of-reference.pdf", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var text = await PdfTextAsync(await response.Content.ReadAsByteArrayAsync());
        var flat = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
        Assert.Contains("Psychological Practitioners", flat, StringComparison.Ordinal);
        Assert.Contains("Psychological Wellbeing Practitioner (PWP)", flat, StringComparison.Ordinal);
        Assert.Contains("People outside the Midlands may join if there is no similar community in their own region.", flat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_pdf_tags_each_label_as_a_row_header_of_its_value()
    {
        var response = await _portal.CreateBrowserClient().GetAsync(Url + ".pdf");
        var structure = await PdfToolAsync("pdfinfo", "-struct-text", await response.Content.ReadAsByteArrayAsync());
        // A screen reader in the PDF hears "How often" as the header of "Every 3 months", not two loose texts.
        var lines = structure.Split('\n');
        foreach (var (label, value) in new[] { ("How often", "Every 3 months"), ("Open to", "Psychological Wellbeing Practitioner (PWP)"), ("Review date", "18 September 2027") })
        {
            Assert.Equal("TH", TagAround(lines, label));
            Assert.Equal("TD", TagAround(lines, value));
        }
        Assert.Contains("/Scope /Row", structure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_pdf_carries_xmp_metadata_with_its_title_language_and_pdf_ua_claim()
    {
        var pdf = await (await _portal.CreateBrowserClient().GetAsync(Url + ".pdf")).Content.ReadAsByteArrayAsync();
        var metadata = await PdfToolAsync("pdfinfo", "-meta", pdf);
        Assert.Contains("Psychological Practitioners", metadata, StringComparison.Ordinal);
        Assert.Contains("<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li>", metadata, StringComparison.Ordinal);
        Assert.Contains("<pdfuaid:part>1</pdfuaid:part>", metadata, StringComparison.Ordinal);
        // The update is appended, so the tag tree Chromium wrote is still there and still read.
        var info = await PdfToolAsync("pdfinfo", "", pdf);
        Assert.Matches(@"Tagged:\s+yes", info);
        Assert.Contains("TH", await PdfToolAsync("pdfinfo", "-struct-text", pdf), StringComparison.Ordinal);
    }

    /// <summary>The nearest enclosing structure tag (other than NonStruct) of the first text starting with the given words.</summary>
    private static string TagAround(string[] lines, string text)
    {
        var at = Array.FindIndex(lines, l => l.TrimStart().StartsWith("\"" + text, StringComparison.Ordinal));
        Assert.True(at >= 0, $"\"{text}\" is not in the PDF's structure");
        var indent = lines[at].Length - lines[at].TrimStart().Length;
        for (var i = at - 1; i >= 0; i--)
        {
            var line = lines[i].TrimStart();
            var lineIndent = lines[i].Length - line.Length;
            if (lineIndent < indent && line.Length > 0 && char.IsUpper(line[0]))
            {
                var tag = line.Split(' ', ':')[0];
                if (tag != "NonStruct")
                {
                    return tag;
                }
                indent = lineIndent;
            }
        }
        return "";
    }

    [Fact]
    public async Task Get_unknown_community_terms_and_pdf_are_404()
    {
        var client = _portal.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/communities/nope/terms")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/communities/nope/terms.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url + "/versions/7")).StatusCode);
    }

    [Fact]
    public async Task Post_edit_as_chair_creates_version_two_keeps_eligibility_and_history()
    {
        var client = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var response = await client.SubmitFormAsync(Url + "/edit", Html.Form(
            ("Input.Purpose", "Grow practitioners' skills together."),
            ("Input.MeetingFrequencyMonths", "2"),
            ("Input.MeetingDurationMinutes", "90"),
            ("Input.ReviewDueOn.Day", "1"), ("Input.ReviewDueOn.Month", "11"), ("Input.ReviewDueOn.Year", "2027"),
            ("Input.ChangeSummary", "Annual review: purpose shortened, meetings every 2 months.")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Url, response.Headers.Location!.OriginalString);

        var (community, versions) = await _portal.WithDbAsync(async db =>
        {
            var c = await db.Communities.AsNoTracking().Include(x => x.EligibleProfessions).FirstAsync(x => x.Slug == DirectoryTestData.Practitioners);
            var v = await db.TermsVersions.AsNoTracking().Where(t => t.CommunityId == c.Id).OrderBy(t => t.VersionNumber).ToListAsync();
            return (c, v);
        });
        Assert.Equal(2, community.CurrentTermsVersion);
        Assert.Equal(2, community.MeetingFrequencyMonths);
        Assert.Equal(90, community.MeetingDurationMinutes);
        Assert.Equal(new DateOnly(2027, 11, 1), community.TermsReviewDueOn);
        Assert.Equal(4, community.EligibleProfessions.Count);
        Assert.Equal(2, versions.Count);
        Assert.Equal("Grow practitioners' skills together.", versions[1].Purpose);
        Assert.Equal("Annual review: purpose shortened, meetings every 2 months.", versions[1].ChangeSummary);
        Assert.Equal(versions[0].Eligibility.ProfessionIds, versions[1].Eligibility.ProfessionIds);
        Assert.Equal(versions[0].Eligibility.Questions, versions[1].Eligibility.Questions);
        Assert.StartsWith("Professional growth", versions[0].Purpose, StringComparison.Ordinal);

        var page = await client.GetPageAsync(Url);
        Assert.Contains("Version 2, agreed 18 November 2026 by Hannah Whitfield.", page.MainText(), StringComparison.Ordinal);
        var history = page.QuerySelectorAll("#history + table tbody tr").Select(r => System.Text.RegularExpressions.Regex.Replace(r.CellText().Trim(), @"\s+", " ")).ToList();
        Assert.Equal(["2 (current) 18 November 2026 Hannah Whitfield Annual review: purpose shortened, meetings every 2 months.", "Version 1 18 November 2026 Sam Okafor First version agreed by the community."], history);

        var old = await _portal.CreateBrowserClient().GetPageAsync(Url + "/versions/1");
        Assert.Contains("This is an earlier version", old.MainText(), StringComparison.Ordinal);
        Assert.Contains("Professional growth for psychological practitioners", old.MainText(), StringComparison.Ordinal);
        Assert.Contains("Every 3 months", old.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_edit_with_missing_fields_shows_each_error_and_saves_nothing()
    {
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var response = await client.SubmitFormAsync(Url + "/edit", Html.Form(
            ("Input.WhoFor", " "),
            ("Input.MeetingFrequencyMonths", "many"),
            ("Input.MeetingDurationMinutes", "5"),
            ("Input.ReviewDueOn.Day", "1"), ("Input.ReviewDueOn.Month", "1"), ("Input.ReviewDueOn.Year", "2026"),
            ("Input.ChangeSummary", "")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The shared error summary lists errors in ModelState's key order, not form order.
        Assert.Equivalent(
            new[]
            {
                "Enter who the community is for",
                "Months between meetings must be a whole number, like 3",
                "Meeting length must be between 15 and 480 minutes",
                "The next review date must be in the future",
                "Enter what changed, or \"Annual review: no changes\"",
            },
            (await Html.ParseAsync(response)).ErrorSummary(),
            strict: true);
        Assert.Equal(1, (await _portal.CommunityAsync(DirectoryTestData.Practitioners)).CurrentTermsVersion);
    }

    [Theory]
    [InlineData("", "", "", "Enter the next review date")]
    [InlineData("30", "2", "2027", "The next review date must be a real date")]
    [InlineData("1", "13", "2027", "The next review date must be a real date")]
    [InlineData("1", "3", "27", "The next review date must be a real date")]
    [InlineData("1", "3", "2030", "The next review date must be within 2 years")]
    public async Task Post_edit_checks_the_review_date_typed_as_day_month_and_year(string day, string month, string year, string expected)
    {
        var client = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var response = await client.SubmitFormAsync(Url + "/edit", Html.Form(
            ("Input.ReviewDueOn.Day", day), ("Input.ReviewDueOn.Month", month), ("Input.ReviewDueOn.Year", year),
            ("Input.ChangeSummary", "Annual review: no changes")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal([expected], page.ErrorSummary());
        Assert.Equal(day, page.QuerySelector("#Input_ReviewDueOn")!.GetAttribute("value"));
        Assert.Equal(1, (await _portal.CommunityAsync(DirectoryTestData.Practitioners)).CurrentTermsVersion);
    }

    [Fact]
    public async Task Post_edit_based_on_an_old_version_is_refused()
    {
        var client = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var page = await client.GetPageAsync(Url + "/edit");
        await _portal.PublishTermsAsync(DirectoryTestData.Practitioners, t => t.Aims = "Changed meanwhile.");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form")!;
        var response = await client.PostFormAsync(form, Html.Form(("Input.ChangeSummary", "Mine.")), Url + "/edit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Someone else saved version 2 while you were editing.", (await Html.ParseAsync(response)).ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.Equal(2, (await _portal.CommunityAsync(DirectoryTestData.Practitioners)).CurrentTermsVersion);
    }

    [Fact]
    public async Task Get_edit_is_refused_to_members_and_secretaries_and_asks_anonymous_to_sign_in()
    {
        DirectoryTestData.AssertSignInRedirect(await _portal.CreateBrowserClient().GetAsync(Url + "/edit"));
        DirectoryTestData.AssertForbidden(await (await _portal.SignedInClientAsync(DemoData.MemberEmail)).GetAsync(Url + "/edit"));
        DirectoryTestData.AssertForbidden(await (await _portal.SignedInClientAsync(DemoData.SecretaryEmail)).GetAsync(Url + "/edit"));
    }

    [Fact]
    public async Task Get_edit_near_the_review_date_suggests_a_year_ahead()
    {
        await _portal.UpdateCommunityAsync(DirectoryTestData.Practitioners, _ => { });
        await _portal.PublishTermsAsync(DirectoryTestData.Practitioners, _ => { }, new DateOnly(2026, 12, 1));
        var client = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var page = await client.GetPageAsync(Url + "/edit");
        Assert.Equal(
            ["18", "11", "2027"],
            new[] { "#Input_ReviewDueOn", "#Input_ReviewDueOn-month", "#Input_ReviewDueOn-year" }.Select(id => page.QuerySelector(id)!.GetAttribute("value")));
        var terms = await client.GetPageAsync(Url);
        Assert.Contains("The annual review is due by 1 December 2026.", terms.MainText(), StringComparison.Ordinal);
    }

    private static Task<string> PdfTextAsync(byte[] pdf) => PdfToolAsync("pdftotext", "-layout", pdf, "-");

    private static async Task<string> PdfToolAsync(string tool, string option, byte[] pdf, string? output = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"terms-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, $"{option} {path} {output}") { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
