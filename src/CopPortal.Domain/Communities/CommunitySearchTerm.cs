using System.Text;

namespace CopPortal.Domain.Communities;

/// <summary>
/// One word of a community's search text (its name, summary and "who it is for"). The directory's word search
/// looks words up here through an index, so its cost follows the number of matches, not the number of CoPs.
/// Derived data: <see cref="Data.CopDbContext"/> keeps the rows in step with <see cref="Community.SearchText"/>.
/// </summary>
public class CommunitySearchTerm
{
    public int CommunityId { get; set; }
    public string Term { get; set; } = "";
}

/// <summary>How text is split into search terms, and how a searched word becomes a range of terms.</summary>
public static class SearchTerms
{
    public const int MaxTermLength = 40;

    /// <summary>Lower-cased runs of letters and digits ("Step-2 CBT" gives "step", "2", "cbt").</summary>
    public static IReadOnlyList<string> Split(string? text)
    {
        var terms = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return terms;
        }
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }
            Flush();
        }
        Flush();
        return terms;

        void Flush()
        {
            if (word.Length > 0)
            {
                terms.Add(word.Length > MaxTermLength ? word.ToString(0, MaxTermLength) : word.ToString());
                word.Clear();
            }
        }
    }

    public static HashSet<string> Distinct(string? text) => [.. Split(text)];

    /// <summary>
    /// A searched word matches every term that starts with it ("practitioner" finds "practitioners"): the terms
    /// from the word itself up to, not including, the word with its last character incremented. Terms are
    /// compared in ordinal (byte) order on both databases.
    /// </summary>
    public static (string From, string To) PrefixRange(string word)
    {
        ArgumentException.ThrowIfNullOrEmpty(word);
        var from = word.Length > MaxTermLength ? word[..MaxTermLength] : word;
        return (from, string.Concat(from.AsSpan(0, from.Length - 1), ((char)(from[^1] + 1)).ToString()));
    }
}
