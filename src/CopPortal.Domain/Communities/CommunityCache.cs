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
/// Community data that staff pages read on every request but that changes rarely: the names for filters,
/// every active community's current criteria (for "other communities these answers meet"), the professions
/// people choose from and the network's reasons for declining. Kept in memory and dropped whenever this app saves a community, a ToR version, a
/// profession or a decline reason (<see cref="CopDbContext"/> calls
/// <see cref="Changed"/>), and after <see cref="MaxAge"/> in any case, so a change saved by another server
/// running the portal shows within a minute. Cached objects are shared: callers only read them.
/// </summary>
public sealed class CommunityCache
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private readonly TimeProvider _clock;
    private readonly Cached<IReadOnlyList<CommunityName>> _names;
    private readonly Cached<EligibilityCatalogue> _eligibility;
    private readonly Cached<IReadOnlyList<DeclineReasonTemplate>> _declineReasons;
    private readonly Cached<IReadOnlyList<Profession>> _activeProfessions;
    private long _version;

    public CommunityCache(TimeProvider clock)
    {
        _clock = clock;
        _names = new(this);
        _eligibility = new(this);
        _declineReasons = new(this);
        _activeProfessions = new(this);
    }

    /// <summary>Called before and after any save that adds, changes or removes the data kept here.</summary>
    public void Changed() => Interlocked.Increment(ref _version);

    internal static bool IsCached(object entity) => entity is Community or TermsVersion or Profession or DeclineReasonTemplate;

    public Task<IReadOnlyList<CommunityName>> NamesAsync(CopDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _names.GetAsync(async () => await db.Communities.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new CommunityName(c.Id, c.Name, c.Status))
            .ToListAsync(cancellationToken));
    }

    public Task<EligibilityCatalogue> EligibilityAsync(CopDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _eligibility.GetAsync(async () =>
        {
            var professions = await db.Professions.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
            var communities = await (
                    from c in db.Communities.AsNoTracking()
                    join t in db.TermsVersions.AsNoTracking() on new { c.Id, Version = c.CurrentTermsVersion } equals new { Id = t.CommunityId, Version = t.VersionNumber }
                    where c.Status == CommunityStatus.Active
                    orderby c.Name
                    select new CommunityCriteria(c.Id, c.Name, c.Slug, t.Eligibility))
                .ToListAsync(cancellationToken);
            return new EligibilityCatalogue(communities, professions);
        });
    }

    /// <summary>The professions people can choose now, in the network's order. Shared objects: callers must not change them.</summary>
    public Task<IReadOnlyList<Profession>> ActiveProfessionsAsync(CopDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _activeProfessions.GetAsync(async () => await db.Professions.AsNoTracking()
            .Where(p => p.IsActive)
            .OrderBy(p => p.SortOrder)
            .ToListAsync(cancellationToken));
    }

    /// <summary>The network's reasons for declining, in their order. Shared objects: callers must not change them.</summary>
    public Task<IReadOnlyList<DeclineReasonTemplate>> DeclineReasonsAsync(CopDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _declineReasons.GetAsync(async () => await db.DeclineReasonTemplates.AsNoTracking()
            .OrderBy(t => t.SortOrder)
            .ToListAsync(cancellationToken));
    }

    private sealed class Cached<T>(CommunityCache owner)
        where T : class
    {
        private Snapshot? _snapshot;

        private sealed record Snapshot(long Version, DateTimeOffset LoadedAt, T Value);

        public async Task<T> GetAsync(Func<Task<T>> load)
        {
            // The version is read before loading: a change saved meanwhile leaves this snapshot out of date, so
            // the next reader loads again rather than keeping stale data.
            var version = Interlocked.Read(ref owner._version);
            var now = owner._clock.GetUtcNow();
            var snapshot = Volatile.Read(ref _snapshot);
            if (snapshot is not null && snapshot.Version == version && now - snapshot.LoadedAt < MaxAge)
            {
                return snapshot.Value;
            }
            var value = await load();
            Volatile.Write(ref _snapshot, new Snapshot(version, now, value));
            return value;
        }
    }
}
