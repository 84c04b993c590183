using System.Collections.Concurrent;

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

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _version;

    public sealed record Counts(IReadOnlyDictionary<DateOnly, int> PerWeek, int BulkApprovable)
    {
        public int Total => PerWeek.Values.Sum();
    }

    private sealed record Entry(long Version, DateTimeOffset LoadedAt, Counts Counts);

    /// <summary>Called before and after any save that adds, changes or removes a join request.</summary>
    public void Changed() => Interlocked.Increment(ref _version);

    public async Task<Counts> GetAsync(string filterKey, Func<Task<Counts>> count)
    {
        ArgumentNullException.ThrowIfNull(count);
        // The version is read before counting: a request saved meanwhile leaves this entry out of date.
        var version = Interlocked.Read(ref _version);
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(filterKey, out var entry) && entry.Version == version && now - entry.LoadedAt < MaxAge)
        {
            return entry.Counts;
        }
        var counts = await count();
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries[filterKey] = new Entry(version, now, counts);
        return counts;
    }
}
