using CopPortal.Domain.Escalations;
using CopPortal.Domain.Scheduling;
using CopPortal.Web.Infrastructure.Scheduling;

namespace CopPortal.Web.Infrastructure.Escalations;

/// <summary>Once a day, reminds the chair and secretary of each meeting whose Triple-A report is 14 days overdue (once per meeting).</summary>
public sealed class ReportReminderJob(EscalationService escalations, ILogger<ReportReminderJob> logger) : IScheduledJob
{
    public const string JobName = "triple-a-report-reminders";

    public string Name => JobName;

    public JobSchedule Schedule { get; } = JobSchedule.DailyAt(7, 30);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var count = await escalations.QueueOverdueRemindersAsync(cancellationToken);
        if (count > 0)
        {
            logger.LogInformation("Queued overdue Triple-A report reminders for {Count} meetings", count);
        }
    }
}
