using System.Net;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Tests.Validation;

/// <summary>A form's validator seen through the page: named messages in the error summary, limits shown before submitting.</summary>
public sealed class ValidationPageTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    [Fact]
    public async Task A_too_long_answer_is_named_in_the_error_summary_and_every_limit_is_shown_by_a_character_count()
    {
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);

        var response = await client.SubmitFormAsync("/communities/propose", Html.Form(
            ("Input.Name", "Psychologists in Primary Care"),
            ("Input.WhoFor", new string('a', 2001)),
            ("Input.Purpose", new string('b', 2001)),
            ("Input.WhyNoExistingFits", "None fits.")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(["Who it would be for must be 2,000 characters or fewer", "Purpose must be 2,000 characters or fewer"], page.ErrorSummary());
        Assert.Equal("#Input_Purpose", page.QuerySelectorAll(".nhsuk-error-summary__list a")[1].GetAttribute("href"));

        // The NHS.UK character count: its module on the form group, its limit, and a hint with the limit that the
        // field is described by, so the limit is known before submitting (and counted live with JavaScript).
        var group = page.QuerySelector("#Input_Purpose")!.Closest(".nhsuk-form-group")!;
        Assert.Equal("nhsuk-character-count", group.GetAttribute("data-module"));
        Assert.Equal("2000", group.GetAttribute("data-maxlength"));
        Assert.Contains("nhsuk-js-character-count", page.QuerySelector("#Input_Purpose")!.ClassList);
        Assert.Equal("You can enter up to 2,000 characters", page.QuerySelector("#Input_Purpose-info")!.TextContent);
        Assert.StartsWith("Input_Purpose-info", page.QuerySelector("#Input_Purpose")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal(6, page.QuerySelectorAll("main [data-module='nhsuk-character-count']").Length);
        Assert.Equal("150", page.QuerySelector("#Input_Name")!.Closest(".nhsuk-form-group")!.GetAttribute("data-maxlength"));
        Assert.Equal(0, await _portal.WithDbAsync(db => db.Proposals.CountAsync(p => p.Name == "Psychologists in Primary Care")));
    }

    public void Dispose() => _portal.Dispose();
}
