using CopPortal.Domain.Data;
using CopPortal.Domain.Messaging;
using CopPortal.Web.Infrastructure;
using CopPortal.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Accounts;

/// <summary>
/// Mail throughput: a commit per sent message held the dispatcher to about 10 messages a second, so the outcomes of
/// successful sends are written a few dozen at a time (the lease keeps them this instance's until then).
/// </summary>
public sealed class OutboxBatchTests : IDisposable
{
    private readonly PortalFactory _portal = new(PortalFactory.DefaultProvider(), demoData: false);

    private sealed class CountingTransport : IMailTransport
    {
        public int Sent { get; private set; }

        public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Sent++;
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Fifty_sends_are_claimed_and_recorded_in_a_handful_of_statements()
    {
        var now = _portal.Clock.GetUtcNow();
        await _portal.WithDbAsync(async db =>
        {
            db.OutboxMessages.AddRange(Enumerable.Range(0, 50).Select(i => new OutboxMessage
            {
                Id = Guid.NewGuid(), Kind = "test.bulk", ToAddress = $"person{i}@mft.nhs.uk", Subject = $"Message {i}", TextBody = "Hello", CreatedAt = now, NextAttemptAt = now,
            }));
            await db.SaveChangesAsync();
        });
        var counter = new CommandCounter();
        var options = new DbContextOptionsBuilder<CopDbContext>();
        options.UseCopPortalDatabase(_portal.Provider, _portal.ConnectionString).AddInterceptors(counter);
        await using var db = new CopDbContext(options.Options);
        var transport = new CountingTransport();
        await using var scope = _portal.Services.CreateAsyncScope();
        var processor = ActivatorUtilities.CreateInstance<OutboxProcessor>(scope.ServiceProvider, db, (IMailTransport)transport, new PortalInstance("instance-a"));

        Assert.Equal(50, await processor.DeliverDueAsync(50, default));

        Assert.Equal(50, transport.Sent);
        var messages = await _portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        Assert.All(messages, m => Assert.Equal((OutboxStatus.Sent, (string?)null, (DateTimeOffset?)null, 1), (m.Status, m.LockedBy, m.LockedUntil, m.Attempts)));
        // Claim (read, update, read back) and two updates of 25 outcomes; a statement per message would be 53.
        Assert.InRange(counter.Count, 3, 5);
    }

    public void Dispose() => _portal.Dispose();
}
