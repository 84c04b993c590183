using System.Collections.Concurrent;

namespace CopPortal.Domain.Caching;

/// <summary>
/// Values read from the database and kept in memory until this app saves a change to what they were read from
/// (<see cref="Changed"/>, called by <see cref="Data.CopDbContext"/>) and for at most a maximum age, so a change
/// saved by another server running the portal shows within that age. Cached values are shared: callers only read them.
/// </summary>
public sealed class ReadCache<TKey, TValue>(TimeProvider clock, TimeSpan maxAge, int maxEntries = 1)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();
    private long _version;

    private sealed record Entry(long Version, DateTimeOffset LoadedAt, TValue Value);

    /// <summary>Called before and after any save that changes the source: the first call stops readers using the
    /// old value, the second drops a value a reader loaded between the first call and the commit.</summary>
    public void Changed() => Interlocked.Increment(ref _version);

    /// <summary>Drops one value a caller has found out of date, so the next reader loads it again.</summary>
    public void Forget(TKey key) => _entries.TryRemove(key, out _);

    public async Task<TValue> GetAsync(TKey key, Func<Task<TValue>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        // The version is read before loading: a change saved meanwhile leaves the stored value out of date, so
        // the next reader loads again rather than keeping stale data.
        var version = Interlocked.Read(ref _version);
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && entry.Version == version && now - entry.LoadedAt < maxAge)
        {
            return entry.Value;
        }
        var value = await load();
        if (_entries.Count >= maxEntries && !_entries.ContainsKey(key))
        {
            // Past the limit the oldest are not worth the bookkeeping of keeping them: start afresh.
            _entries.Clear();
        }
        _entries[key] = new Entry(version, now, value);
        return value;
    }
}
