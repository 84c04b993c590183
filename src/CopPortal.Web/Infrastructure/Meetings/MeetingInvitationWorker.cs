using CopPortal.Domain.Meetings;
using CopPortal.Web.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace CopPortal.Web.Infrastructure.Meetings;

/// <summary>
/// Expands queued meeting invitation runs (one per scheduled, changed or cancelled meeting) into per-member outbox
/// messages, on the outbox's poll interval, on every instance; the runs' leases decide which instance does each.
/// Runs whenever the outbox dispatcher does (Mail:DispatcherEnabled).
/// </summary>
public sealed class MeetingInvitationWorker(IServiceScopeFactory scopes, PortalInstance instance, IOptions<MailOptions> options, TimeProvider clock, ILogger<MeetingInvitationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var queued = await scope.ServiceProvider.GetRequiredService<MeetingInvitationFanOut>()
                    .ExpandDueAsync(instance.Id, MeetingInvitationFanOut.DefaultBatchSize, stoppingToken);
                if (queued > 0)
                {
                    logger.LogInformation("Queued {Count} meeting invitation emails", queued);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Expanding meeting invitations failed; trying again on the next pass");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
