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

    /// <summary>The words an account is found by: those of its display name and of its email address.</summary>
    public static HashSet<string> For(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var terms = SearchTerms.Distinct(user.DisplayName);
        terms.UnionWith(SearchTerms.Split(user.Email));
        return terms;
    }
}
