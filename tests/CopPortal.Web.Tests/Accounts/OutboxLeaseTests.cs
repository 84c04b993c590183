using System.Globalization;
using System.Text.RegularExpressions;
using CopPortal.Domain.Messaging;
using CopPortal.Web.Infrastructure;
using CopPortal.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Accounts;

/// <summary>
/// The outbox with several instances on one database (SQLite, or PostgreSQL with COPPORTAL_TEST_DATABASE=Postgres),
/// delivering over real SMTP conversations on loopback; and the retry schedule over about a day.
/// </summary>
public sealed partial class OutboxLeaseTests : IAsyncDisposable
{
    private readonly SmtpTestServer _smtp = new();
    private readonly PortalFactory _portal = new(PortalFactory.DefaultProvider(), demoData: false);

    public OutboxLeaseTests()
    {
        _portal.Settings["Mail:Transport"] = "Smtp";
        _portal.Settings["Mail:SmtpHost"] = "127.0.0.1";
        _portal.Settings["Mail:SmtpPort"] = _smtp.Port.ToString(CultureInfo.InvariantCulture);
        _portal.Settings["Mail:SmtpTimeoutSeconds"] = "10";
    }

    [GeneratedRegex(@"^Message-ID: <([0-9a-f]{32})@copportal>", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex MessageIdHeader();

    private async Task<List<Guid>> EnqueueAsync(int count)
    {
        var now = _portal.Clock.GetUtcNow();
        var messages = Enumerable.Range(0, count).Select(i => new OutboxMessage
        {
            Id = Guid.NewGuid(),
            Kind = "test.bulk",
            ToAddress = $"person{i}@mft.nhs.uk",
            Subject = $"Message {i}",
            TextBody = "Hello",
            CreatedAt = now,
            NextAttemptAt = now,
        }).ToList();
        await _portal.WithDbAsync(async db =>
        {
            db.OutboxMessages.AddRange(messages);
            await db.SaveChangesAsync();
        });
        return [.. messages.Select(m => m.Id)];
    }

    /// <summary>One instance's dispatcher: its own scope (own DbContext) and instance id, passes until nothing is left.</summary>
    private async Task<int> DispatchUntilEmptyAsync(string instance)
    {
        var delivered = 0;
        while (true)
        {
            await using var scope = _portal.Services.CreateAsyncScope();
            var processor = ActivatorUtilities.CreateInstance<OutboxProcessor>(scope.ServiceProvider, new PortalInstance(instance));
            var sent = await processor.DeliverDueAsync(50, default);
            delivered += sent;
            if (sent == 0)
            {
                // Stop when nothing due is left; a message held by the other dispatcher is waited for.
                var now = _portal.Clock.GetUtcNow();
                if (!await _portal.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)))
                {
                    return delivered;
                }
                await Task.Delay(20);
            }
        }
    }

    [Fact]
    public async Task Two_dispatchers_over_one_database_deliver_a_thousand_messages_exactly_once_each()
    {
        var ids = await EnqueueAsync(1000);

        var delivered = await Task.WhenAll(Task.Run(() => DispatchUntilEmptyAsync("instance-a")), Task.Run(() => DispatchUntilEmptyAsync("instance-b")));

        var received = _smtp.Received.Select(m => Guid.ParseExact(MessageIdHeader().Match(m.Data).Groups[1].Value, "N")).ToList();
        Assert.Equal(1000, received.Count);
        Assert.Equal(ids.Order(), received.Order());
        Assert.Equal(1000, delivered.Sum());
        // Both instances took part, so the run really was concurrent.
        Assert.All(delivered, count => Assert.True(count > 0, $"one dispatcher delivered nothing ({string.Join(", ", delivered)})"));
        var outcome = await _portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .GroupBy(m => new { m.Status, m.Attempts, Locked = m.LockedBy != null || m.LockedUntil != null })
            .Select(g => new { g.Key.Status, g.Key.Attempts, g.Key.Locked, Count = g.Count() })
            .ToListAsync());
        var all = Assert.Single(outcome);
        Assert.Equal((OutboxStatus.Sent, 1, false, 1000), (all.Status, all.Attempts, all.Locked, all.Count));
    }

    [Fact]
    public async Task Messages_leased_by_another_instance_are_left_alone_until_the_lease_expires()
    {
        var ids = await EnqueueAsync(3);
        await _portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == ids[0])
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, "instance-b").SetProperty(m => m.LockedUntil, _portal.Clock.GetUtcNow().AddMinutes(2)).SetProperty(m => m.Attempts, 1)));

        Assert.Equal(2, await DeliverAsync("instance-a"));
        Assert.Equal(2, _smtp.Received.Count);

        _portal.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await DeliverAsync("instance-a"));
        var taken = await _portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == ids[0]));
        Assert.Equal((OutboxStatus.Sent, 2, (string?)null), (taken.Status, taken.Attempts, taken.LockedBy));
    }

    [Fact]
    public async Task A_dispatcher_whose_lease_was_taken_over_does_not_record_the_outcome()
    {
        var id = (await EnqueueAsync(1))[0];
        // The send fails, and meanwhile (as if it had outlived its lease) another instance has claimed the message.
        var transport = new TakeOverTransport(_portal, id);
        await using var scope = _portal.Services.CreateAsyncScope();
        var processor = ActivatorUtilities.CreateInstance<OutboxProcessor>(scope.ServiceProvider, new PortalInstance("instance-a"), (IMailTransport)transport);

        Assert.Equal(0, await processor.DeliverDueAsync(50, default));

        var message = await _portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal((OutboxStatus.Pending, "instance-b", (string?)null), (message.Status, message.LockedBy, message.LastError));
    }

    private sealed class TakeOverTransport(PortalFactory portal, Guid id) : IMailTransport
    {
        public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, "instance-b"), cancellationToken));
            throw new InvalidOperationException("refused");
        }
    }

    [Fact]
    public async Task Messages_whose_lease_would_run_out_during_a_send_are_handed_back_unsent()
    {
        var ids = await EnqueueAsync(3);
        // Each send takes a minute by the clock; the lease is 2 minutes and a send needs 10 seconds of it left.
        var transport = new SlowTransport(_portal.Clock);
        await using var scope = _portal.Services.CreateAsyncScope();
        var processor = ActivatorUtilities.CreateInstance<OutboxProcessor>(scope.ServiceProvider, new PortalInstance("instance-a"), (IMailTransport)transport);

        Assert.Equal(2, await processor.DeliverDueAsync(50, default));

        var messages = await _portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        var left = Assert.Single(messages, m => m.Status == OutboxStatus.Pending);
        // Not counted as an attempt, and free for any instance at once.
        Assert.Equal((0, (string?)null, (DateTimeOffset?)null), (left.Attempts, left.LockedBy, left.LockedUntil));
        Assert.Equal(2, transport.Sent);
    }

    private sealed class SlowTransport(TestClock clock) : IMailTransport
    {
        public int Sent { get; private set; }

        public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            Sent++;
            return Task.CompletedTask;
        }
    }

    private async Task<int> DeliverAsync(string instance)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<OutboxProcessor>(scope.ServiceProvider, new PortalInstance(instance)).DeliverDueAsync(50, default);
    }

    [Fact]
    public async Task Failed_sends_back_off_doubling_to_two_hours_and_fail_after_twenty_attempts_about_a_day()
    {
        _smtp.RefuseMessages = true;
        var id = (await EnqueueAsync(1))[0];
        var start = _portal.Clock.GetUtcNow();
        var delays = new List<TimeSpan>();
        OutboxMessage message;
        while (true)
        {
            var attemptAt = _portal.Clock.GetUtcNow();
            await DeliverAsync("instance-a");
            message = await _portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
            if (message.Status != OutboxStatus.Pending)
            {
                break;
            }
            delays.Add(message.NextAttemptAt - attemptAt);
            // A moment before it is due, nothing is tried.
            _portal.Clock.Set(message.NextAttemptAt.AddSeconds(-1));
            await DeliverAsync("instance-a");
            Assert.Equal(delays.Count, (await _portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id))).Attempts);
            _portal.Clock.Set(message.NextAttemptAt);
        }

        TimeSpan[] expected = [.. new[] { 30, 60, 120, 240, 480, 960, 1920, 3840 }.Select(s => TimeSpan.FromSeconds(s)), .. Enumerable.Repeat(TimeSpan.FromHours(2), 11)];
        Assert.Equal(expected, delays);
        Assert.Equal((OutboxStatus.Failed, 20, (string?)null), (message.Status, message.Attempts, message.LockedBy));
        var lastTry = _portal.Clock.GetUtcNow() - start;
        Assert.InRange(lastTry, TimeSpan.FromHours(23), TimeSpan.FromHours(25));
        Assert.Empty(_smtp.Received);
    }

    [Fact]
    public void Retry_delay_settings_are_honoured()
    {
        var options = new MailOptions { RetryBaseDelay = TimeSpan.FromMinutes(1), RetryMaxDelay = TimeSpan.FromMinutes(10) };
        Assert.Equal(
            [1, 2, 4, 8, 10, 10],
            Enumerable.Range(1, 6).Select(attempt => options.RetryDelayAfter(attempt).TotalMinutes));
        // Far beyond any sensible count, the cap still holds (no overflow).
        Assert.Equal(TimeSpan.FromMinutes(10), options.RetryDelayAfter(500));
    }

    public async ValueTask DisposeAsync()
    {
        _portal.Dispose();
        await _smtp.DisposeAsync();
    }
}
