using CopPortal.Domain.Scheduling;

namespace CopPortal.Web.Infrastructure.Scheduling;

/// <summary>
/// A job the scheduler runs once per period across every instance (reminders, digests, purges). Register it with
/// AddScheduledJob; it is resolved in a fresh scope for each run, so it may take scoped services such as the DbContext.
/// A job should commit its work in one transaction where it can: if it throws, it is run again later for the
/// same period (see JobScheduler).
/// </summary>
public interface IScheduledJob
{
    /// <summary>Stable name, stored with each run (up to 100 characters).</summary>
    string Name { get; }

    JobSchedule Schedule { get; }

    Task RunAsync(CancellationToken cancellationToken);
}

public static class ScheduledJobRegistration
{
    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services)
        where TJob : class, IScheduledJob =>
        services.AddScoped<IScheduledJob, TJob>();
}
