using System.Collections.Concurrent;

namespace CopPortal.Domain.Caching;

/// <summary>When a lookup was made: the change version and the time, to store a value loaded after it.</summary>
public readonly record struct ReadTicket(long Version, DateTimeOffset At);

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

    public TimeSpan MaxAge => maxAge;

    /// <summary>Called before and after any save that changes the source: the first call stops readers using the
    /// old value, the second drops a value a reader loaded between the first call and the commit.</summary>
    public void Changed() => Interlocked.Increment(ref _version);

    public bool TryGet(TKey key, out TValue value, out ReadTicket ticket)
    {
        // The version is read before any load: a change saved meanwhile leaves the stored value out of date, so
        // the next reader loads again rather than keeping stale data.
        ticket = new ReadTicket(Interlocked.Read(ref _version), clock.GetUtcNow());
        if (_entries.TryGetValue(key, out var entry) && entry.Version == ticket.Version && ticket.At - entry.LoadedAt < maxAge)
        {
            value = entry.Value;
            return true;
        }
        value = default!;
        return false;
    }

    public void Store(TKey key, TValue value, ReadTicket ticket)
    {
        if (_entries.Count >= maxEntries && !_entries.ContainsKey(key))
        {
            // Past the limit the oldest are not worth the bookkeeping of keeping them: start afresh.
            _entries.Clear();
        }
        _entries[key] = new Entry(ticket.Version, ticket.At, value);
    }

    public async Task<TValue> GetAsync(TKey key, Func<Task<TValue>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (TryGet(key, out var value, out var ticket))
        {
            return value;
        }
        value = await load();
        Store(key, value, ticket);
        return value;
    }
}
