using System.Collections.Concurrent;

namespace CopPortal.Domain.Caching;

/// <summary>
/// Values read from the database and kept in memory until this app saves a change to what they were read from
/// (<see cref="Changed"/>, called by <see cref="Data.CopDbContext"/>) and for at most a maximum age, so a change
/// saved by another server running the portal shows within that age. Cached values are shared: callers only read them.
/// When a value is only past its age, the first reader to find it so loads it again and gets the new value, while
/// readers arriving during that load keep the old one: a report that takes a quarter of a second to aggregate is then
/// computed once, not by every request that arrives in that quarter second (which made them all wait). A change
/// saved here (<see cref="Changed"/>) is never served stale.
/// </summary>
public sealed class ReadCache<TKey, TValue>(TimeProvider clock, TimeSpan maxAge, int maxEntries = 1)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();
    private long _version;

    private sealed class Entry(long version, DateTimeOffset loadedAt, TValue value)
    {
        public long Version { get; } = version;
        public DateTimeOffset LoadedAt { get; } = loadedAt;
        public TValue Value { get; } = value;

        // 1 while one reader reloads this expired value.
        public int Reloading;
    }

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
        if (_entries.TryGetValue(key, out var entry) && entry.Version == version)
        {
            if (now - entry.LoadedAt < maxAge || Interlocked.Exchange(ref entry.Reloading, 1) == 1)
            {
                return entry.Value;
            }
        }
        else
        {
            entry = null;
        }
        TValue value;
        try
        {
            value = await load();
        }
        catch
        {
            // Let the next reader try again rather than serve the old value for ever.
            if (entry is not null)
            {
                Volatile.Write(ref entry.Reloading, 0);
            }
            throw;
        }
        if (_entries.Count >= maxEntries && !_entries.ContainsKey(key))
        {
            // Past the limit the oldest are not worth the bookkeeping of keeping them: start afresh.
            _entries.Clear();
        }
        _entries[key] = new Entry(version, now, value);
        return value;
    }
}
