using CopPortal.Domain.Communities;

namespace CopPortal.Domain.People;

/// <summary>
/// One word of a person's display name or email address ("aisha", "begum", "nhs"). Staff search people by word
/// prefix through an index on these rows, so a search reads only the matches instead of every account.
/// Derived data: <see cref="Data.CopDbContext"/> keeps the rows in step with the account.
/// </summary>
public class PersonSearchTerm
{
    public string UserId { get; set; } = "";
    public string Term { get; set; } = "";

    /// <summary>
    /// The words an account is found by: those of its display name and of its email address's local part, and the
    /// whole address. Not the domain's words: "nhs" would be a term of nearly every account, and a search that
    /// includes it would read them all.
    /// </summary>
    public static HashSet<string> For(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var terms = SearchTerms.Distinct(user.DisplayName);
        if (!string.IsNullOrEmpty(user.Email))
        {
            var email = user.Email.ToLowerInvariant();
            var at = email.IndexOf('@', StringComparison.Ordinal);
            terms.UnionWith(SearchTerms.Split(at < 0 ? email : email[..at]));
            terms.Add(email.Length > SearchTerms.MaxTermLength ? email[..SearchTerms.MaxTermLength] : email);
        }
        return terms;
    }

    /// <summary>
    /// What a search looks up, each a prefix of a term: a word with an "@" as the start of an email address
    /// ("council@demo"), any other text as its words ("Dr Priya" gives "dr" and "priya").
    /// </summary>
    public static List<string> SearchWords(string? query)
    {
        var words = new List<string>();
        foreach (var token in (query ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Contains('@', StringComparison.Ordinal))
            {
                words.Add(token.ToLowerInvariant());
            }
            else
            {
                words.AddRange(SearchTerms.Split(token));
            }
        }
        return [.. words.Distinct(StringComparer.Ordinal)];
    }
}
