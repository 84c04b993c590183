using CopPortal.Domain.Data;
using CopPortal.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CopPortal.Web.Infrastructure.Email;

/// <summary>
/// Delivers due outbox messages. Each message is claimed (attempt counted, lock set) and committed
/// before sending, then marked Sent in its own commit, so a restart never re-sends a message that
/// was recorded as sent, and a crash mid-send retries only after the claim expires.
/// </summary>
public sealed class OutboxProcessor(CopDbContext db, IMailTransport transport, IOptions<MailOptions> options, TimeProvider clock, ILogger<OutboxProcessor> logger)
{
    public async Task<int> DeliverDueAsync(int batchSize, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var due = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil <= now))
            .OrderBy(m => m.NextAttemptAt)
            .Take(batchSize)
            .ToListAsync(cancellationToken);

        var delivered = 0;
        foreach (var message in due)
        {
            message.Attempts++;
            message.LockedUntil = now + settings.ClaimTimeout;
            await db.SaveChangesAsync(cancellationToken);

            try
            {
                await transport.SendAsync(message, cancellationToken);
                message.Status = OutboxStatus.Sent;
                message.SentAt = clock.GetUtcNow();
                message.LastError = null;
                delivered++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.LastError = $"{ex.GetType().Name}: {ex.Message}";
                if (message.Attempts >= settings.MaxAttempts)
                {
                    message.Status = OutboxStatus.Failed;
                    logger.LogError("Email {MessageId} failed after {Attempts} attempts: {Error}", message.Id, message.Attempts, Operations.LogRedaction.WithoutAddresses($"{ex.GetType().Name}: {ex.Message}"));
                }
                else
                {
                    var delay = settings.RetryBaseDelay * Math.Pow(2, message.Attempts - 1);
                    message.NextAttemptAt = clock.GetUtcNow() + delay;
                    logger.LogWarning("Email {MessageId} attempt {Attempt} failed: {Error}; retrying at {Next}", message.Id, message.Attempts, Operations.LogRedaction.WithoutAddresses(ex.Message), message.NextAttemptAt);
                }
            }
            message.LockedUntil = null;
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return delivered;
    }

    /// <summary>Staff action: put a failed message back in the queue for another round of attempts.</summary>
    public static void Retry(OutboxMessage message, DateTimeOffset now)
    {
        message.Status = OutboxStatus.Pending;
        message.Attempts = 0;
        message.NextAttemptAt = now;
        message.LockedUntil = null;
    }
}

/// <summary>Runs the outbox processor on a timer for the life of the app.</summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var processor = scope.ServiceProvider.GetRequiredService<OutboxProcessor>();
                while (await processor.DeliverDueAsync(50, stoppingToken) == 50)
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
