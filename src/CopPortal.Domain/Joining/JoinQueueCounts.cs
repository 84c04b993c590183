using CopPortal.Domain.Caching;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Messaging;

namespace CopPortal.Domain.Joining;

/// <summary>
/// The staff queue's counts (requests per week, and how many bulk approve would act on) for each combination of
/// filters. Every view of the queue needs them and counting reads every matching request, so they are kept in
/// memory until this app saves any join request (<see cref="Data.CopDbContext"/> calls <see cref="Changed"/>)
/// and for at most <see cref="MaxAge"/>, so a change saved by another server shows within seconds.
/// The staff home page's counts (open requests, proposals, failed emails) are kept the same way.
/// </summary>
public sealed class JoinQueueCounts(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    // Filters are a community, a status and an outcome; past this many combinations the oldest are not worth keeping.
    private const int MaxEntries = 500;

    private readonly ReadCache<string, Counts> _counts = new(clock, MaxAge, MaxEntries);

    // Keyed by the week, as one of the counts is this week's requests.
    private readonly ReadCache<DateOnly, StaffHome> _staffHome = new(clock, MaxAge, 2);

    public sealed record Counts(IReadOnlyDictionary<DateOnly, int> PerWeek, int BulkApprovable)
    {
        public int Total => PerWeek.Values.Sum();
    }

    public sealed record StaffHome(int OpenRequests, int ArrivedThisWeek, int Proposals, int FailedEmails);

    /// <summary>Whether saving this entity can change a count kept here.</summary>
    public static bool IsCounted(object entity) => entity is JoinRequest or CommunityProposal or OutboxMessage;

    /// <summary>Called before and after any save that adds, changes or removes a join request, proposal or email.</summary>
    public void Changed()
    {
        _counts.Changed();
        _staffHome.Changed();
    }

    public Task<StaffHome> GetStaffHomeAsync(DateOnly weekOf, Func<Task<StaffHome>> count) => _staffHome.GetAsync(weekOf, count);

    public Task<Counts> GetAsync(string filterKey, Func<Task<Counts>> count) => _counts.GetAsync(filterKey, count);
}
