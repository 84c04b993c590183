using CopPortal.Domain.Joining;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Joining;
using CopPortal.Web.Infrastructure.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Joining;

/// <summary>The Monday-morning digest for network staff, run by the job scheduler and driven by the injected clock.</summary>
public sealed class JoinDigestTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    /// <summary>One pass of the job scheduler for the digest job; returns how many digest emails it queued.</summary>
    private async Task<int> RunAsync()
    {
        var before = (await DigestsAsync()).Count;
        await _portal.WithServicesAsync(s => s.GetRequiredService<JobScheduler>().RunDueAsync(JoinRequestDigestJob.JobName));
        return (await DigestsAsync()).Count - before;
    }

    private async Task<List<CopPortal.Domain.Messaging.OutboxMessage>> DigestsAsync() =>
        (await _portal.OutboxAsync()).Where(m => m.Kind == JoinRequestDigest.EmailKind).ToList();

    [Fact]
    public async Task Sunday_queues_nothing()
    {
        _portal.Clock.Set(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await RunAsync());
        Assert.Empty(await DigestsAsync());
    }

    [Fact]
    public async Task Monday_before_seven_in_london_queues_nothing()
    {
        _portal.Clock.Set(new DateTimeOffset(2026, 11, 23, 6, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await RunAsync());
    }

    [Fact]
    public async Task Monday_eight_oclock_london_in_summer_time_is_due()
    {
        await _portal.CreateUserAsync("second.staff@test.nhs.uk", "Second Staff", NetworkRoles.NetworkStaff);
        // 07:00 UTC on Monday 6 July 2026 is 08:00 in London (BST).
        _portal.Clock.Set(new DateTimeOffset(2026, 7, 6, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, await RunAsync());
        Assert.Equal(["second.staff@test.nhs.uk", "staff@demo.nhs.uk"], (await DigestsAsync()).Select(m => m.ToAddress).Order());
    }

    [Fact]
    public async Task Monday_digest_lists_pending_per_community_and_the_oldest_and_is_sent_once()
    {
        // Demo requests are dated relative to the clock's start, Wednesday 18 November; the digest goes on Monday 23rd.
        _portal.Clock.Set(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await RunAsync());
        _portal.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await RunAsync());

        var digest = Assert.Single(await DigestsAsync());
        Assert.Equal("staff@demo.nhs.uk", digest.ToAddress);
        Assert.Equal("Join requests for the week beginning 23 November 2026", digest.Subject);
        Assert.Contains("7 join requests are waiting for a decision.", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Psychological Practitioners: 3 waiting for a decision, 1 waiting for the applicant to send more information", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("The oldest is from Dr Eleanor Shaw to join Psychological Practitioners, sent on 2 November 2026 (20 days ago)", digest.TextBody, StringComparison.Ordinal);

        // The next Monday it is due again.
        _portal.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await RunAsync());
    }
}
