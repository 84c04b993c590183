using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using CopPortal.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Communities;

/// <summary>What the directory was asked for; every field comes from the query string so a search can be shared.</summary>
public sealed record DirectoryQuery(string? Words = null, int? ProfessionId = null, RegionRule? RegionRule = null, bool OpenOnly = false, bool IncludeArchived = false, int Page = 1)
{
    public const int PageSize = 10;

    /// <summary>Lower-cased search words split as the search terms are, at most eight (more adds cost without narrowing much).</summary>
    public IReadOnlyList<string> SearchWords { get; } = SearchTerms.Split(Words).Distinct().Take(8).ToList();
}

/// <summary>One directory row, read from the Community table's denormalised columns only.</summary>
public sealed record DirectoryRow(
    string Slug,
    string Name,
    string Summary,
    CommunityStatus Status,
    int MeetingFrequencyMonths,
    int MeetingDurationMinutes,
    int MemberCount,
    int? Capacity,
    DateOnly? WindowOpens,
    DateOnly? WindowCloses,
    RegionRule RegionRule)
{
    public string CadenceText => Cadence.Describe(MeetingFrequencyMonths, MeetingDurationMinutes);
}

public sealed record DirectoryPage(IReadOnlyList<DirectoryRow> Rows, int Total, int Page, int PageCount);

/// <summary>
/// The /communities list: one query for a page of rows, and one for the number of matches unless that is
/// already in memory; both over the Community table with the search-term index and the eligible-professions
/// table as filters. No per-row queries.
/// </summary>
public class CommunityDirectory(CopDbContext db, CommunityCache cache, TimeProvider clock)
{
    public async Task<DirectoryPage> SearchAsync(DirectoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var today = LondonTime.Today(clock);
        var communities = db.Communities.AsNoTracking()
            .Where(c => c.Status == CommunityStatus.Active || (query.IncludeArchived && c.Status == CommunityStatus.Archived));

        // Every word must begin a word of the name, summary or who-it-is-for (AND, case-insensitive). Each is
        // an IN over the search-term index, so the cost follows the matches rather than the number of CoPs.
        foreach (var word in query.SearchWords)
        {
            var (from, to) = SearchTerms.PrefixRange(word);
            var matching = db.CommunitySearchTerms
                .Where(t => string.Compare(t.Term, from) >= 0 && string.Compare(t.Term, to) < 0)
                .Select(t => t.CommunityId);
            communities = communities.Where(c => matching.Contains(c.Id));
        }
        if (query.ProfessionId is { } professionId)
        {
            // No profession rows means the ToR does not restrict by profession: open to everyone's.
            communities = communities.Where(c => !db.CommunityEligibleProfessions.Any(p => p.CommunityId == c.Id)
                || db.CommunityEligibleProfessions.Any(p => p.CommunityId == c.Id && p.ProfessionId == professionId));
        }
        if (query.RegionRule is { } rule)
        {
            communities = communities.Where(c => c.RegionRule == rule);
        }
        if (query.OpenOnly)
        {
            communities = communities.Where(c => c.Status == CommunityStatus.Active
                && (c.WindowOpens == null || (c.WindowOpens <= today && c.WindowCloses >= today))
                && (c.Capacity == null || c.MemberCount < c.Capacity));
        }

        // The number of matches changes only when a community does, so it is kept in memory (CommunityCache) per
        // search and day: a repeated search reads just its page of rows.
        var countKey = $"{string.Join(' ', query.SearchWords)}|{query.ProfessionId}|{query.RegionRule}|{query.OpenOnly}|{query.IncludeArchived}|{today:yyyy-MM-dd}";
        Task<int> CountAsync() => cache.DirectoryCounts.GetAsync(countKey, () => communities.CountAsync(cancellationToken));
        Task<List<DirectoryRow>> PageAsync(int number) => communities
            .OrderBy(c => c.Name)
            .Skip((number - 1) * DirectoryQuery.PageSize)
            .Take(DirectoryQuery.PageSize)
            .Select(c => new DirectoryRow(c.Slug, c.Name, c.Summary, c.Status, c.MeetingFrequencyMonths, c.MeetingDurationMinutes, c.MemberCount, c.Capacity, c.WindowOpens, c.WindowCloses, c.RegionRule))
            .ToListAsync(cancellationToken);

        var total = await CountAsync();
        var page = Math.Clamp(query.Page, 1, PageCountFor(total));
        var rows = total == 0 ? [] : await PageAsync(page);
        if (rows.Count == 0 && total > 0)
        {
            // Another server removed communities since the count was kept: count again and show the last page there is.
            cache.DirectoryCounts.Forget(countKey);
            total = await CountAsync();
            page = Math.Clamp(page, 1, PageCountFor(total));
            rows = total == 0 ? [] : await PageAsync(page);
        }
        return new DirectoryPage(rows, total, page, PageCountFor(total));
    }

    private static int PageCountFor(int total) => Math.Max(1, (total + DirectoryQuery.PageSize - 1) / DirectoryQuery.PageSize);
}

/// <summary>Whether a CoP takes requests to join today, and how to say so.</summary>
public static class JoinAvailability
{
    public static (bool OpenNow, string Text) Describe(CommunityStatus status, int? capacity, int memberCount, DateOnly? windowOpens, DateOnly? windowCloses, DateOnly today)
    {
        if (status == CommunityStatus.Archived)
        {
            return (false, "Archived: no longer meeting");
        }
        if (status == CommunityStatus.Draft)
        {
            return (false, "Being set up: not open yet");
        }
        if (capacity is { } cap && memberCount >= cap)
        {
            return (false, "Full: you can join the waiting list");
        }
        if (windowOpens is { } opens && windowCloses is { } closes)
        {
            if (today < opens)
            {
                return (false, $"Applications open {LondonTime.Date(opens)} to {LondonTime.Date(closes)}");
            }
            if (today > closes)
            {
                return (false, $"Applications closed on {LondonTime.Date(closes)}");
            }
            return (true, $"Open to join until {LondonTime.Date(closes)}");
        }
        return (true, "Open to join");
    }

    public static string RegionText(RegionRule rule, string region) => rule switch
    {
        RegionRule.InRegionOnly => $"{region} only",
        RegionRule.OutOfRegionIfNoLocalCoP => $"{region}, and other regions with no similar community",
        _ => "Any region",
    };
}
