using CopPortal.Domain.Communities;
using CopPortal.Domain.Escalations;
using CopPortal.Domain.Joining;
using CopPortal.Domain.Meetings;

namespace CopPortal.Domain.Caching;

/// <summary>
/// Figures aggregated over whole tables for a report page: the council's Triple-A dashboard and overdue reports, the
/// council queue's totals and the equality monitoring report. Computing them reads every row (thousands of points, tens of thousands of
/// responses), so they are kept until this app saves anything they are counted from (<see cref="Data.CopDbContext"/>
/// calls <see cref="Changed"/>) and for at most <see cref="MaxAge"/>, so a change saved by another server shows
/// within a minute. Only aggregates are kept: never a person's answers.
/// </summary>
public sealed class AggregateCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    // Keys are a report and its filter (a community, a month): a few hundred at most are worth keeping.
    private readonly ReadCache<string, object> _values = new(clock, MaxAge, 500);

    /// <summary>Whether saving this entity can change a figure kept here.</summary>
    public static bool IsCounted(object entity) =>
        entity is EscalationPoint or TripleAReport or Meeting or EqualityMonitoringResponse or Community;

    /// <summary>Called before and after any save that changes a counted entity.</summary>
    public void Changed() => _values.Changed();

    public async Task<T> GetAsync<T>(string key, Func<Task<T>> load) where T : class
    {
        ArgumentNullException.ThrowIfNull(load);
        return (T)await _values.GetAsync(key, async () => await load());
    }

    /// <summary>A kept count (a queue's total): <paramref name="count"/> runs only when none is kept.</summary>
    public async Task<int> CountAsync(string key, Func<Task<int>> count)
    {
        ArgumentNullException.ThrowIfNull(count);
        return (await GetAsync(key, async () => Tuple.Create(await count()))).Item1;
    }
}
