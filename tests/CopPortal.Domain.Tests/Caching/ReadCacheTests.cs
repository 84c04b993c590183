using CopPortal.Domain.Caching;

namespace CopPortal.Domain.Tests.Caching;

/// <summary>
/// How long a cached read may be out of date, and that an expired report is reloaded by one reader while the others
/// keep the old figures instead of all aggregating the same rows at once.
/// </summary>
public sealed class ReadCacheTests
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task A_value_is_kept_until_its_age_and_the_next_reader_after_that_gets_the_new_one()
    {
        var clock = new Clock();
        var cache = new ReadCache<string, string>(clock, MaxAge);
        Assert.Equal("first", await cache.GetAsync("k", () => Task.FromResult("first")));

        clock.Now += MaxAge - TimeSpan.FromSeconds(1);
        Assert.Equal("first", await cache.GetAsync("k", () => Task.FromResult("second")));

        clock.Now += TimeSpan.FromSeconds(1);
        Assert.Equal("second", await cache.GetAsync("k", () => Task.FromResult("second")));
        Assert.Equal("second", await cache.GetAsync("k", () => Task.FromResult("third")));
    }

    [Fact]
    public async Task While_one_reader_reloads_an_expired_value_the_others_keep_the_old_one_without_loading()
    {
        var clock = new Clock();
        var cache = new ReadCache<string, string>(clock, MaxAge);
        await cache.GetAsync("k", () => Task.FromResult("old"));
        clock.Now += MaxAge;

        var reload = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reloading = cache.GetAsync("k", () => reload.Task);
        var loadsByOthers = 0;
        for (var reader = 0; reader < 5; reader++)
        {
            Assert.Equal("old", await cache.GetAsync("k", () =>
            {
                Interlocked.Increment(ref loadsByOthers);
                return Task.FromResult("loaded again");
            }));
        }
        Assert.Equal(0, loadsByOthers);

        reload.SetResult("new");
        Assert.Equal("new", await reloading);
        Assert.Equal("new", await cache.GetAsync("k", () => Task.FromResult("not wanted")));
    }

    [Fact]
    public async Task After_a_change_is_saved_no_reader_gets_the_old_value_even_while_another_reloads()
    {
        var clock = new Clock();
        var cache = new ReadCache<string, string>(clock, MaxAge);
        await cache.GetAsync("k", () => Task.FromResult("old"));
        clock.Now += MaxAge;
        var reload = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reloading = cache.GetAsync("k", () => reload.Task);

        cache.Changed();

        Assert.Equal("after the change", await cache.GetAsync("k", () => Task.FromResult("after the change")));
        reload.SetResult("read before the change");
        await reloading;
        Assert.Equal("after the change again", await cache.GetAsync("k", () => Task.FromResult("after the change again")));
    }

    [Fact]
    public async Task A_reload_that_fails_lets_the_next_reader_try_again()
    {
        var clock = new Clock();
        var cache = new ReadCache<string, string>(clock, MaxAge);
        await cache.GetAsync("k", () => Task.FromResult("old"));
        clock.Now += MaxAge;

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync("k", () => Task.FromException<string>(new InvalidOperationException("database gone"))));

        Assert.Equal("new", await cache.GetAsync("k", () => Task.FromResult("new")));
    }
}
