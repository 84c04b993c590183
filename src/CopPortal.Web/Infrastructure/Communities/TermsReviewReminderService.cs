using CopPortal.Domain.Communities;

namespace CopPortal.Web.Infrastructure.Communities;

/// <summary>
/// Once a day, queues the 30-day ToR review reminders. Off when Mail:DispatcherEnabled is false (tests
/// call TermsReviewReminders directly with their own clock).
/// </summary>
public sealed class TermsReviewReminderService(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<TermsReviewReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Mail:DispatcherEnabled", true))
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var reminders = scope.ServiceProvider.GetRequiredService<TermsReviewReminders>();
                var count = await reminders.QueueDueAsync(stoppingToken);
                if (count > 0)
                {
                    logger.LogInformation("Queued Terms of Reference review reminders for {Count} communities", count);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed run is retried tomorrow; the reminder flag is only set when the emails were queued.
                logger.LogError(ex, "Terms of Reference review reminders failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
