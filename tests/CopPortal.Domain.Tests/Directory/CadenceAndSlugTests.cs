using CopPortal.Domain.Communities;

namespace CopPortal.Domain.Tests.Directory;

public sealed class CadenceAndSlugTests
{
    [Theory]
    [InlineData(3, 120, "Every 3 months, 2 hours")]
    [InlineData(3, 90, "Every 3 months, 1.5 hours")]
    [InlineData(2, 60, "Every 2 months, 1 hour")]
    [InlineData(1, 45, "Every month, 45 minutes")]
    [InlineData(12, 100, "Every year, 1 hour 40 minutes")]
    public void Describe_says_how_often_and_how_long(int months, int minutes, string expected) =>
        Assert.Equal(expected, Cadence.Describe(months, minutes));

    [Theory]
    [InlineData("Psychological Practitioners", "psychological-practitioners")]
    [InlineData("Children's Wellbeing (CYP) – North", "childrens-wellbeing-cyp-north")]
    [InlineData("  Café   Leads  ", "cafe-leads")]
    public void FromName_makes_a_lower_case_hyphenated_slug(string name, string expected) =>
        Assert.Equal(expected, Slugs.FromName(name));

    [Theory]
    [InlineData("psychological-practitioners", true)]
    [InlineData("cop-2", true)]
    [InlineData("Psychological", false)]
    [InlineData("double--hyphen", false)]
    [InlineData("-leading", false)]
    [InlineData("spaces here", false)]
    [InlineData("", false)]
    public void IsValid_allows_only_lower_case_letters_digits_and_single_hyphens(string slug, bool valid) =>
        Assert.Equal(valid, Slugs.IsValid(slug));

    [Fact]
    public void RefreshSearchText_lower_cases_name_summary_and_who_for()
    {
        var community = new Community { Name = "Psychological Practitioners", Summary = "For PWPs" };
        community.RefreshSearchText("Wellbeing Practitioners in the Midlands");
        Assert.Equal("psychological practitioners for pwps wellbeing practitioners in the midlands", community.SearchText);
    }
}
