using CopPortal.Domain.Caching;

namespace CopPortal.Domain.Joining;

/// <summary>
/// The staff queue's counts (requests per week, and how many bulk approve would act on) for each combination of
/// filters. Every view of the queue needs them and counting reads every matching request, so they are kept in
/// memory until this app saves any join request (<see cref="Data.CopDbContext"/> calls <see cref="Changed"/>)
/// and for at most <see cref="MaxAge"/>, so a change saved by another server shows within seconds.
/// </summary>
public sealed class JoinQueueCounts(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    // Filters are a community, a status and an outcome; past this many combinations the oldest are not worth keeping.
    private const int MaxEntries = 500;

    private readonly ReadCache<string, Counts> _counts = new(clock, MaxAge, MaxEntries);

    public sealed record Counts(IReadOnlyDictionary<DateOnly, int> PerWeek, int BulkApprovable)
    {
        public int Total => PerWeek.Values.Sum();
    }

    /// <summary>Called before and after any save that adds, changes or removes a join request.</summary>
    public void Changed() => _counts.Changed();

    public Task<Counts> GetAsync(string filterKey, Func<Task<Counts>> count) => _counts.GetAsync(filterKey, count);
}
