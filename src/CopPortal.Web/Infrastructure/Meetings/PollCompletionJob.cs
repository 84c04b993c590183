using CopPortal.Domain.Meetings.Polls;
using CopPortal.Domain.Scheduling;
using CopPortal.Web.Infrastructure.Scheduling;

namespace CopPortal.Web.Infrastructure.Meetings;

/// <summary>Each morning, tells the creator of each poll that everyone has answered or that has closed (once per poll).</summary>
public sealed class PollCompletionJob(PollService polls, ILogger<PollCompletionJob> logger) : IScheduledJob
{
    public const string JobName = "meeting-poll-completion";

    public string Name => JobName;

    // Polls close at the end of a London day, so a morning run tells creators of yesterday's closures.
    public JobSchedule Schedule { get; } = JobSchedule.DailyAt(7, 0);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var count = await polls.QueueCompletionNoticesAsync(cancellationToken);
        if (count > 0)
        {
            logger.LogInformation("Told the creators of {Count} meeting polls that they are complete", count);
        }
    }
}
