using CopPortal.Domain.Communities;
using CopPortal.Domain.Scheduling;
using CopPortal.Web.Infrastructure.Scheduling;

namespace CopPortal.Web.Infrastructure.Communities;

/// <summary>Once a day, queues the 30-day ToR review reminders (each ToR is reminded once; the flag is set with the emails).</summary>
public sealed class TermsReviewReminderJob(TermsReviewReminders reminders, ILogger<TermsReviewReminderJob> logger) : IScheduledJob
{
    public const string JobName = "terms-review-reminders";

    public string Name => JobName;

    public JobSchedule Schedule { get; } = JobSchedule.DailyAt(6, 0);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var count = await reminders.QueueDueAsync(cancellationToken);
        if (count > 0)
        {
            logger.LogInformation("Queued Terms of Reference review reminders for {Count} communities", count);
        }
    }
}
