using CopPortal.Domain.Joining;
using CopPortal.Domain.Scheduling;
using CopPortal.Web.Infrastructure.Scheduling;

namespace CopPortal.Web.Infrastructure.Joining;

/// <summary>The Monday-morning digest for network staff, once a week across all instances.</summary>
public sealed class JoinRequestDigestJob(JoinRequestDigest digest, ILogger<JoinRequestDigestJob> logger) : IScheduledJob
{
    public const string JobName = "join-request-digest";

    public string Name => JobName;

    public JobSchedule Schedule { get; } = JobSchedule.WeeklyAt(DayOfWeek.Monday, 7, 0);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var queued = await digest.QueueAsync(cancellationToken);
        logger.LogInformation("Queued the weekly join request digest for {Count} staff", queued);
    }
}
