using CopPortal.Domain.Privacy;
using CopPortal.Domain.Scheduling;
using CopPortal.Web.Infrastructure.Scheduling;
using Microsoft.Extensions.Options;

namespace CopPortal.Web.Infrastructure.Privacy;

/// <summary>The daily retention purge, in the small hours. Does nothing when Retention:PurgeEnabled is false.</summary>
public sealed class RetentionPurgeJob(RetentionPurge purge, IOptions<RetentionOptions> options, ILogger<RetentionPurgeJob> logger) : IScheduledJob
{
    public const string JobName = "retention-purge";

    public string Name => JobName;

    public JobSchedule Schedule { get; } = JobSchedule.DailyAt(3, 0);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.PurgeEnabled)
        {
            return;
        }
        var result = await purge.PurgeAsync(cancellationToken);
        if (result.DeclinedJoinRequests > 0 || result.SentMail > 0)
        {
            logger.LogInformation("Retention purge deleted {Requests} declined join requests and {Mail} sent emails", result.DeclinedJoinRequests, result.SentMail);
        }
    }
}
