using CopPortal.Domain.Caching;
using CopPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Tests.Caching;

/// <summary>
/// Pages' kept data under the content version: when a commit makes a key miss, readers arriving together load it
/// once; when it is only past its age, one reader reloads while the others keep it; a failed load is not shared.
/// Each reader has its own unit of work, told the version as the community seam tells it (no query is made).
/// </summary>
public sealed class ContentCacheTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    // A reader kept waiting this long is waiting for ever: the test fails rather than hangs.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static CopDbContext ReaderAt(long version)
    {
        var db = new CopDbContext(new DbContextOptionsBuilder<CopDbContext>().UseSqlite("Data Source=:memory:").Options);
        db.KnowContentVersion(version);
        return db;
    }

    [Fact]
    public async Task Readers_who_miss_the_same_key_together_after_a_change_wait_for_one_load()
    {
        var cache = new ContentCache(new Clock());
        using (var first = ReaderAt(1))
        {
            Assert.Equal("before", await cache.GetAsync(first, "page", () => Task.FromResult("before")));
        }

        var loads = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<string> Load()
        {
            Interlocked.Increment(ref loads);
            await gate.Task;
            return "after";
        }
        var readers = Enumerable.Range(0, 20).Select(_ => ReaderAt(2)).ToList();
        var reads = readers.Select(db => cache.GetAsync(db, "page", Load)).ToList();
        await Task.Delay(50);
        Assert.All(reads, r => Assert.False(r.IsCompleted));
        gate.SetResult();
        Assert.All(await Task.WhenAll(reads).WaitAsync(Patience), v => Assert.Equal("after", v));
        Assert.Equal(1, loads);
        readers.ForEach(db => db.Dispose());

        // A later change is loaded afresh, not served from the finished load.
        using var later = ReaderAt(3);
        Assert.Equal("later", await cache.GetAsync(later, "page", () => Task.FromResult("later")));
    }

    [Fact]
    public async Task Past_its_age_one_reader_reloads_while_the_others_keep_the_kept_data()
    {
        var clock = new Clock();
        var cache = new ContentCache(clock);
        using (var first = ReaderAt(7))
        {
            await cache.GetAsync(first, "page", () => Task.FromResult("old"));
        }
        clock.Now += ContentCache.MaxAge;

        var reload = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var reloader = ReaderAt(7);
        var reloading = cache.GetAsync(reloader, "page", () => reload.Task);
        var loadsByOthers = 0;
        for (var reader = 0; reader < 5; reader++)
        {
            using var db = ReaderAt(7);
            Assert.Equal("old", await cache.GetAsync(db, "page", () =>
            {
                Interlocked.Increment(ref loadsByOthers);
                return Task.FromResult("loaded again");
            }).WaitAsync(Patience));
        }
        Assert.Equal(0, loadsByOthers);

        reload.SetResult("new");
        Assert.Equal("new", await reloading);
        using var next = ReaderAt(7);
        Assert.Equal("new", await cache.GetAsync(next, "page", () => Task.FromResult("not wanted")));
    }

    [Fact]
    public async Task When_the_shared_load_fails_its_waiters_load_their_own_and_only_its_reader_sees_the_failure()
    {
        var cache = new ContentCache(new Clock());
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var failing = ReaderAt(1);
        var failed = cache.GetAsync<string>(failing, "page", async () =>
        {
            await gate.Task;
            throw new OperationCanceledException("the first reader went away");
        });
        using var waiting = ReaderAt(1);
        var waited = cache.GetAsync(waiting, "page", () => Task.FromResult("own load"));
        await Task.Delay(50);
        Assert.False(waited.IsCompleted);

        gate.SetResult();
        await Assert.ThrowsAsync<OperationCanceledException>(() => failed);
        Assert.Equal("own load", await waited.WaitAsync(Patience));
        using var next = ReaderAt(1);
        Assert.Equal("own load", await cache.GetAsync(next, "page", () => Task.FromResult("not wanted")));
    }
}
