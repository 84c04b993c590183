using CopPortal.Domain.Communities;

namespace CopPortal.Web.Infrastructure.Communities;

/// <summary>
/// A "community" filter typed as part of a name rather than picked from a list of every CoP: at ten times the
/// network such a list is 2,000 options on every view. Resolves the typed text against the cached names: one
/// match (or an exact name) picks that CoP; several are listed to choose from; none says so.
/// </summary>
public sealed record CommunityNameChoice(int? CommunityId, string Text, bool NotFound, int MatchCount, IReadOnlyList<CommunityName> Matches)
{
    public const int MaxMatches = 20;
    public const int MaxTextLength = 200;

    /// <summary>True when the filter is settled (one CoP, or none asked for); false when the page should ask the user to choose.</summary>
    public bool Resolved => !NotFound && Matches.Count == 0;

    public static CommunityNameChoice Resolve(IReadOnlyList<CommunityName> names, int? communityId, string? typed)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (communityId is int id)
        {
            return new(id, names.FirstOrDefault(c => c.Id == id)?.Name ?? "", false, 0, []);
        }
        var text = typed?.Trim() ?? "";
        if (text.Length == 0)
        {
            return new(null, "", false, 0, []);
        }
        text = text.Length > MaxTextLength ? text[..MaxTextLength] : text;
        var exact = names.FirstOrDefault(c => string.Equals(c.Name, text, StringComparison.OrdinalIgnoreCase));
        var matches = exact is not null ? [exact] : names.Where(c => c.Name.Contains(text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 1)
        {
            return new(matches[0].Id, matches[0].Name, false, 1, []);
        }
        return new(null, text, matches.Count == 0, matches.Count,
            matches.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Take(MaxMatches).ToList());
    }
}

/// <summary>
/// What _CommunityNameChoice shows when a typed community name is not settled: the matches to choose from (each
/// a link made by <paramref name="UrlFor"/>, which keeps the page's other filters) or "none", with a way back
/// to every community (<paramref name="AllUrl"/>, described by <paramref name="AllText"/>).
/// </summary>
public sealed record CommunityNameChoiceList(CommunityNameChoice Choice, Func<int, string> UrlFor, string AllUrl, string AllText);
