using System.Linq.Expressions;
using CopPortal.Domain.Data;
using CopPortal.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CopPortal.Web.Infrastructure.Email;

/// <summary>
/// Delivers due outbox messages when several instances share the database. A batch is claimed with one conditional
/// update (owner and lease expiry, only on rows that are pending, due and not leased), so each message is claimed by
/// one instance; only what this instance claimed is sent, and each outcome is written only while it still holds the
/// lease. A crashed instance's claims become available again when their lease expires.
/// </summary>
public sealed class OutboxProcessor(CopDbContext db, NotificationPreferences preferences, IMailTransport transport, IOptions<MailOptions> options, TimeProvider clock, PortalInstance instance, ILogger<OutboxProcessor> logger)
{
    private static Expression<Func<OutboxMessage, bool>> Claimable(DateTimeOffset now) =>
        m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil <= now);

    /// <summary>Claims up to batchSize due messages and sends them. Returns how many were delivered.</summary>
    public async Task<int> DeliverDueAsync(int batchSize, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var owner = instance.Id;
        var now = clock.GetUtcNow();
        var leaseUntil = now + settings.ClaimTimeout;

        var candidates = await db.OutboxMessages.AsNoTracking()
            .Where(Claimable(now))
            .OrderBy(m => m.NextAttemptAt)
            .Take(batchSize)
            .Select(m => m.Id)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return 0;
        }
        // The claim: a row another instance claimed since the read above no longer matches the condition, and the
        // database applies one update to a row at a time, so two instances never both claim it. The attempt is
        // counted here, so a send that crashes the process still counts.
        await db.OutboxMessages
            .Where(m => candidates.Contains(m.Id))
            .Where(Claimable(now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LockedBy, owner)
                .SetProperty(m => m.LockedUntil, leaseUntil)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        var claimed = await db.OutboxMessages.AsNoTracking()
            .Where(m => candidates.Contains(m.Id) && m.LockedBy == owner && m.Status == OutboxStatus.Pending)
            .OrderBy(m => m.NextAttemptAt)
            .ToListAsync(cancellationToken);

        // The person's choice is applied by the lease holder, just before sending: what they turned off is marked
        // skipped, what they want in their daily summary is held for it (NotificationDigest), the rest goes now.
        claimed = await ApplyChoicesAsync(claimed, owner, cancellationToken);

        // A send is started only if it can finish (the SMTP timeout) before the lease runs out; otherwise another
        // instance could claim the message while this one is still sending it.
        var margin = TimeSpan.FromSeconds(Math.Min(settings.SmtpTimeoutSeconds, settings.ClaimTimeout.TotalSeconds / 2));
        // Outcomes of successful sends are written together (one UPDATE per few dozen messages, not a commit per
        // message, which capped throughput at about 10 a second). Until written, a sent message is still leased
        // to this instance, so nobody else sends it; a crash in between means those few are sent again after the
        // lease, as a crash between one send and its update always could.
        var sent = new List<Guid>(claimed.Count);
        var delivered = 0;
        try
        {
            for (var i = 0; i < claimed.Count; i++)
            {
                var message = claimed[i];
                if (clock.GetUtcNow() + margin > leaseUntil)
                {
                    await ReleaseAsync(claimed.Skip(i), owner);
                    break;
                }
                try
                {
                    await transport.SendAsync(message, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    // Shutting down: hand back what was not started; the interrupted one waits for its lease to expire.
                    await ReleaseAsync(claimed.Skip(i + 1), owner);
                    throw;
                }
                catch (Exception ex)
                {
                    await RecordFailureAsync(message, ex, settings, owner);
                    continue;
                }
                sent.Add(message.Id);
                delivered++;
                if (sent.Count >= RecordSentEvery)
                {
                    await RecordSentAsync(sent, owner);
                }
            }
        }
        finally
        {
            await RecordSentAsync(sent, owner);
        }
        return delivered;
    }

    /// <summary>How many sends at most are recorded by one update.</summary>
    public const int RecordSentEvery = 25;

    private async Task RecordSentAsync(List<Guid> ids, string owner)
    {
        if (ids.Count == 0)
        {
            return;
        }
        var sentAt = clock.GetUtcNow();
        var marked = await db.OutboxMessages
            .Where(m => ids.Contains(m.Id) && m.LockedBy == owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAt, sentAt)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
        if (marked < ids.Count)
        {
            logger.LogWarning("{Count} emails were sent after their lease had passed to another instance; they may arrive twice", ids.Count - marked);
        }
        ids.Clear();
    }

    /// <summary>Marks the claimed topic messages the person chose not to get now; returns the ones to send.</summary>
    private async Task<List<OutboxMessage>> ApplyChoicesAsync(List<OutboxMessage> claimed, string owner, CancellationToken cancellationToken)
    {
        var deliveries = await preferences.DeliveriesAsync(claimed, cancellationToken);
        if (deliveries.Count == 0)
        {
            return claimed;
        }
        var skipped = deliveries.Where(d => d.Value == EmailDelivery.Off).Select(d => d.Key).ToList();
        var held = deliveries.Where(d => d.Value == EmailDelivery.DailyDigest).Select(d => d.Key).ToList();
        await SetStatusAsync(skipped, OutboxStatus.Skipped, owner, cancellationToken);
        await SetStatusAsync(held, OutboxStatus.Held, owner, cancellationToken);
        return claimed.Where(m => !skipped.Contains(m.Id) && !held.Contains(m.Id)).ToList();
    }

    /// <summary>Records a decision not to send now, undoing the claim's attempt count (no send was tried).</summary>
    private async Task SetStatusAsync(List<Guid> ids, OutboxStatus status, string owner, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }
        await db.OutboxMessages
            .Where(m => ids.Contains(m.Id) && m.LockedBy == owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, status)
                .SetProperty(m => m.Attempts, m => m.Attempts - 1)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
    }

    private async Task RecordFailureAsync(OutboxMessage message, Exception ex, MailOptions settings, string owner)
    {
        var error = $"{ex.GetType().Name}: {ex.Message}";
        var failed = message.Attempts >= settings.MaxAttempts;
        var next = clock.GetUtcNow() + settings.RetryDelayAfter(message.Attempts);
        await db.OutboxMessages
            .Where(m => m.Id == message.Id && m.LockedBy == owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, failed ? OutboxStatus.Failed : OutboxStatus.Pending)
                .SetProperty(m => m.NextAttemptAt, failed ? message.NextAttemptAt : next)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
        // No recipient address in the log: the outbox page shows staff who it was for.
        if (failed)
        {
            logger.LogError("Email {MessageId} failed after {Attempts} attempts and will not be tried again: {Error}", message.Id, message.Attempts, Operations.LogRedaction.WithoutAddresses(error));
        }
        else
        {
            logger.LogWarning("Email {MessageId} attempt {Attempt} failed: {Error}; retrying at {Next}", message.Id, message.Attempts, Operations.LogRedaction.WithoutAddresses(ex.Message), next);
        }
    }

    /// <summary>Gives claimed but unsent messages back at once, without counting the attempt.</summary>
    private async Task ReleaseAsync(IEnumerable<OutboxMessage> messages, string owner)
    {
        var ids = messages.Select(m => m.Id).ToList();
        if (ids.Count == 0)
        {
            return;
        }
        await db.OutboxMessages
            .Where(m => ids.Contains(m.Id) && m.LockedBy == owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.Attempts, m => m.Attempts - 1), CancellationToken.None);
    }

    /// <summary>Staff action: put a failed message back in the queue for another round of attempts.</summary>
    public static void Retry(OutboxMessage message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Status = OutboxStatus.Pending;
        message.Attempts = 0;
        message.NextAttemptAt = now;
        message.LockedUntil = null;
        message.LockedBy = null;
    }

    /// <summary>Staff action: every failed message back in the queue at once. Returns how many.</summary>
    public static Task<int> RetryAllFailedAsync(CopDbContext db, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
    }
}

/// <summary>Runs the outbox processor on a timer for the life of the app.</summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    // A claim is three statements; bigger batches spend less of each send on claiming.
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var processor = scope.ServiceProvider.GetRequiredService<OutboxProcessor>();
                while (await processor.DeliverDueAsync(BatchSize, stoppingToken) == BatchSize)
                {
                    // A full batch means more may be waiting: keep going before sleeping.
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Outbox dispatch pass failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
