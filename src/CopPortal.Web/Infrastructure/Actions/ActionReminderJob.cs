using CopPortal.Domain.Actions;
using CopPortal.Domain.Scheduling;
using CopPortal.Web.Infrastructure.Scheduling;

namespace CopPortal.Web.Infrastructure.Actions;

/// <summary>Once a day, reminds owners of actions due in the next few days (each action once: ReminderSentAt).</summary>
public sealed class ActionReminderJob(ActionService actions, ILogger<ActionReminderJob> logger) : IScheduledJob
{
    public const string JobName = "action-reminders";

    public string Name => JobName;

    public JobSchedule Schedule { get; } = JobSchedule.DailyAt(6, 30);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var count = await actions.QueueRemindersAsync(cancellationToken);
        if (count > 0)
        {
            logger.LogInformation("Queued reminders for {Count} actions nearly due", count);
        }
    }
}
