using CopPortal.Domain.Messaging;
using CopPortal.Domain.Scheduling;
using CopPortal.Web.Infrastructure.Scheduling;

namespace CopPortal.Web.Infrastructure.Email;

/// <summary>Each morning, one summary email per person of what they chose to get once a day; once across all instances.</summary>
public sealed class NotificationDigestJob(NotificationDigest digest, ILogger<NotificationDigestJob> logger) : IScheduledJob
{
    public const string JobName = "notification-digest";

    public string Name => JobName;

    public JobSchedule Schedule { get; } = JobSchedule.DailyAt(7, 0);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var queued = await digest.QueueAsync(cancellationToken);
        logger.LogInformation("Queued the daily email summary for {Count} people", queued);
    }
}
