using CopPortal.Domain.Communities;

namespace CopPortal.Domain.Tests.Directory;

public sealed class SearchTermsTests
{
    [Fact]
    public void Split_lower_cases_runs_of_letters_and_digits()
    {
        Assert.Equal(["step", "2", "cbt", "children", "s", "wellbeing", "café"], SearchTerms.Split("Step-2 CBT: Children's  Wellbeing, Café"));
        Assert.Empty(SearchTerms.Split("  -- , "));
        Assert.Empty(SearchTerms.Split(null));
    }

    [Fact]
    public void Split_cuts_very_long_words_to_the_stored_length()
    {
        var term = Assert.Single(SearchTerms.Split(new string('a', 100)));
        Assert.Equal(SearchTerms.MaxTermLength, term.Length);
    }

    [Theory]
    [InlineData("practitioner", "practitioner", "practitiones")]
    [InlineData("psych", "psych", "psyci")]
    [InlineData("cyz", "cyz", "cy{")]
    [InlineData("2", "2", "3")]
    public void PrefixRange_runs_from_the_word_to_the_word_with_its_last_character_incremented(string word, string from, string to) =>
        Assert.Equal((from, to), SearchTerms.PrefixRange(word));

    [Theory]
    [InlineData("practitioner", "practitioner", true)]
    [InlineData("practitioner", "practitioners", true)]
    [InlineData("psych", "psychology", true)]
    [InlineData("practitioner", "practitioned", false)]
    [InlineData("practitioners", "practitioner", false)]
    [InlineData("ractitioner", "practitioner", false)]
    public void A_term_is_in_the_range_when_it_starts_with_the_word(string word, string term, bool expected)
    {
        var (from, to) = SearchTerms.PrefixRange(word);
        var inRange = string.CompareOrdinal(term, from) >= 0 && string.CompareOrdinal(term, to) < 0;
        Assert.Equal(expected, inRange);
    }
}
