using CopPortal.Domain.Caching;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using CopPortal.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Communities;

public sealed record CommunityName(int Id, string Name, CommunityStatus Status);

/// <summary>An active community and the eligibility criteria of its current Terms of Reference.</summary>
public sealed record CommunityCriteria(int Id, string Name, string Slug, EligibilityCriteria Criteria);

/// <summary>Every active community's current criteria, sorted by name, with the profession names the checker needs.</summary>
public sealed record EligibilityCatalogue(IReadOnlyList<CommunityCriteria> Communities, IReadOnlyDictionary<int, string> ProfessionNames);

/// <summary>
/// Community data that pages read on every request but that changes rarely: the names for staff filters,
/// every active community's current criteria (for "other communities these answers meet"), the professions
/// people choose from, the network's reasons for declining and how many communities each directory search
/// matched. Kept in memory and dropped whenever this app saves a community, a ToR version, a profession, a
/// decline reason or a community's eligible professions (<see cref="CopDbContext"/> calls
/// <see cref="Changed"/>), and after <see cref="MaxAge"/> in any case, so a change saved by another server
/// running the portal shows within a minute. Cached objects are shared: callers only read them.
/// </summary>
public sealed class CommunityCache
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    // Searches people share and repeat; past this many different ones the counts are started afresh.
    private const int MaxDirectoryCounts = 1000;

    private readonly ReadCache<bool, IReadOnlyList<CommunityName>> _names;
    private readonly ReadCache<bool, EligibilityCatalogue> _eligibility;
    private readonly ReadCache<bool, IReadOnlyList<DeclineReasonTemplate>> _declineReasons;
    private readonly ReadCache<bool, IReadOnlyList<Profession>> _activeProfessions;
    private readonly ReadCache<string, int> _directoryCounts;

    public CommunityCache(TimeProvider clock)
    {
        _names = new(clock, MaxAge);
        _eligibility = new(clock, MaxAge);
        _declineReasons = new(clock, MaxAge);
        _activeProfessions = new(clock, MaxAge);
        _directoryCounts = new(clock, MaxAge, MaxDirectoryCounts);
    }

    /// <summary>Called before and after any save that adds, changes or removes the data kept here.</summary>
    public void Changed()
    {
        _names.Changed();
        _eligibility.Changed();
        _declineReasons.Changed();
        _activeProfessions.Changed();
        _directoryCounts.Changed();
    }

    internal static bool IsCached(object entity) =>
        entity is Community or TermsVersion or Profession or DeclineReasonTemplate or CommunityEligibleProfession;

    /// <summary>How many communities a directory search (its filters and the day, as a key) matched when last counted.</summary>
    internal ReadCache<string, int> DirectoryCounts => _directoryCounts;

    public Task<IReadOnlyList<CommunityName>> NamesAsync(CopDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _names.GetAsync(true, async () => await db.Communities.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new CommunityName(c.Id, c.Name, c.Status))
            .ToListAsync(cancellationToken));
    }

    public Task<EligibilityCatalogue> EligibilityAsync(CopDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _eligibility.GetAsync(true, async () =>
        {
            var professions = await db.Professions.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
            var communities = await (
                    from t in db.TermsVersions.AsNoTracking().Current()
                    where t.Community!.Status == CommunityStatus.Active
                    orderby t.Community!.Name
                    select new CommunityCriteria(t.CommunityId, t.Community!.Name, t.Community!.Slug, t.Eligibility))
                .ToListAsync(cancellationToken);
            return new EligibilityCatalogue(communities, professions);
        });
    }

    /// <summary>The professions people can choose now, in the network's order. Shared objects: callers must not change them.</summary>
    public Task<IReadOnlyList<Profession>> ActiveProfessionsAsync(CopDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _activeProfessions.GetAsync(true, async () => await db.Professions.AsNoTracking()
            .Where(p => p.IsActive)
            .OrderBy(p => p.SortOrder)
            .ToListAsync(cancellationToken));
    }

    /// <summary>The network's reasons for declining, in their order. Shared objects: callers must not change them.</summary>
    public Task<IReadOnlyList<DeclineReasonTemplate>> DeclineReasonsAsync(CopDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _declineReasons.GetAsync(true, async () => await db.DeclineReasonTemplates.AsNoTracking()
            .OrderBy(t => t.SortOrder)
            .ToListAsync(cancellationToken));
    }
}
