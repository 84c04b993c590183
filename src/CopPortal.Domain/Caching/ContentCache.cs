using System.Collections.Concurrent;
using CopPortal.Domain.Data;

namespace CopPortal.Domain.Caching;

/// <summary>
/// Page data that every viewer of a page sees alike (a meeting's minutes, an agenda, a thread's posts), kept in
/// memory under the database's <see cref="ContentVersion"/>. Each request reads the version (one small query, or
/// none when the community seam already read it) and gets the kept data only if nothing has been committed since it
/// was loaded, by this server or another. Values are shared: callers only read them, and nothing in them depends on
/// who is looking (that is worked out per request from the data). POST handlers load afresh.
/// </summary>
public sealed class ContentCache(TimeProvider clock)
{
    /// <summary>A bound on anything the version could miss (a write made outside EF Core).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    // A few thousand pages' data; past that the store starts afresh rather than keep a usage order.
    private const int MaxEntries = 4000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    // Loads in progress, by key. A commit makes every kept page miss at once; readers who then ask for the same key
    // under the same version wait for the one load already running instead of each running it (the council
    // dashboard's figures take a quarter of a second to aggregate).
    private readonly ConcurrentDictionary<string, Load> _loading = new(StringComparer.Ordinal);
    private long _generation;

    // What a shared load gives its waiters when it failed (its own request ended, say): they load their own.
    private static readonly object s_failed = new();

    private sealed class Entry(long version, long generation, DateTimeOffset loadedAt, object? value)
    {
        public long Version { get; } = version;
        public long Generation { get; } = generation;
        public DateTimeOffset LoadedAt { get; } = loadedAt;
        public object? Value { get; } = value;

        // 1 while one reader reloads this value because it is past its age.
        public int Reloading;
    }

    private sealed record Load(long Version, long Generation, Task<object?> Loaded);

    /// <summary>The data kept under <paramref name="key"/> for the current version, or what <paramref name="load"/> reads.</summary>
    public Task<T> GetAsync<T>(CopDbContext db, string key, Func<Task<T>> load) where T : class? => GetAsync(db, key, load, static _ => true);

    /// <summary>
    /// As <see cref="GetAsync{T}(CopDbContext, string, Func{Task{T}})"/>, for data that also goes out of date with
    /// time (a meeting moves from upcoming to past when it ends): kept data is used only while <paramref name="stillValid"/> says so.
    /// </summary>
    public async Task<T> GetAsync<T>(CopDbContext db, string key, Func<Task<T>> load, Func<T, bool> stillValid) where T : class?
    {
        ArgumentNullException.ThrowIfNull(stillValid);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(load);
        // Read before loading: a change committed during the load leaves newer data under the older version,
        // which is never served once the version has moved on.
        var version = await db.ContentVersionAsync();
        var generation = Interlocked.Read(ref _generation);
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && entry.Version == version && entry.Generation == generation && stillValid((T)entry.Value!))
        {
            // Only past its age, with nothing known to have changed: one reader reloads it while the others keep it.
            if (now - entry.LoadedAt < MaxAge || Interlocked.Exchange(ref entry.Reloading, 1) == 1)
            {
                return (T)entry.Value!;
            }
        }
        else
        {
            entry = null;
        }

        var mine = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var candidate = new Load(version, generation, mine.Task);
        var running = _loading.AddOrUpdate(key, candidate,
            (_, other) => other.Version == version && other.Generation == generation && !other.Loaded.IsCompleted ? other : candidate);
        if (!ReferenceEquals(running, candidate) && await running.Loaded is var shared && shared != s_failed && stillValid((T)shared!))
        {
            return (T)shared!;
        }

        T value;
        try
        {
            value = await load();
        }
        catch
        {
            mine.SetResult(s_failed);
            _loading.TryRemove(KeyValuePair.Create(key, candidate));
            if (entry is not null)
            {
                // Let the next reader try again rather than serve the old value for ever.
                Volatile.Write(ref entry.Reloading, 0);
            }
            throw;
        }
        if (_entries.Count >= MaxEntries && !_entries.ContainsKey(key))
        {
            _entries.Clear();
        }
        _entries[key] = new Entry(version, generation, now, value);
        mine.SetResult(value);
        _loading.TryRemove(KeyValuePair.Create(key, candidate));
        return value;
    }

    /// <summary>Drops everything kept on this server.</summary>
    public void ForgetAll() => Interlocked.Increment(ref _generation);
}
