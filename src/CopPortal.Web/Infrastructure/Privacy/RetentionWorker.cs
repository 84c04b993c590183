using CopPortal.Domain.Privacy;
using Microsoft.Extensions.Options;

namespace CopPortal.Web.Infrastructure.Privacy;

/// <summary>
/// Checks every hour whether today's retention purge has run (the job records its day, so it runs once a day
/// however often it is polled). Off when Retention:PurgeEnabled is false; tests run the purge with their own clock.
/// </summary>
public sealed class RetentionWorker(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.PurgeEnabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<RetentionPurge>().RunIfDueAsync(stoppingToken);
                if (result is not null && (result.DeclinedJoinRequests > 0 || result.SentMail > 0))
                {
                    logger.LogInformation("Retention purge deleted {Requests} declined join requests and {Mail} sent emails", result.DeclinedJoinRequests, result.SentMail);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed run is retried at the next tick: the day is recorded only when the purge commits.
                logger.LogError(ex, "The retention purge failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
