using CopPortal.Domain.Joining;

namespace CopPortal.Web.Infrastructure.Joining;

/// <summary>
/// Checks every few minutes whether the Monday digest is due. Off when the mail dispatcher is off
/// (Mail:DispatcherEnabled=false), so tests drive the digest directly with their own clock.
/// </summary>
public sealed class JoinRequestDigestWorker(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<JoinRequestDigestWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Mail:DispatcherEnabled", true))
        {
            return;
        }
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var queued = await scope.ServiceProvider.GetRequiredService<JoinRequestDigest>().QueueIfDueAsync(stoppingToken);
                if (queued > 0)
                {
                    logger.LogInformation("Queued the weekly join request digest for {Count} staff", queued);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed run is retried at the next tick; the job records its day only when it commits.
                logger.LogError(ex, "The weekly join request digest failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
