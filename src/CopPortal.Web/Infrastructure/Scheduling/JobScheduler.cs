using CopPortal.Domain.Data;
using CopPortal.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CopPortal.Web.Infrastructure.Scheduling;

/// <summary>The "Jobs" configuration section.</summary>
public sealed class JobOptions
{
    /// <summary>How often each instance checks for due jobs.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a run is reserved for the instance running it; if that instance dies, another takes over after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>After a run throws, the wait before any instance tries that period again.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Runs due scheduled jobs once per period across every instance sharing the database. For each due job the period's
/// JobRuns row is inserted if missing (the (job, period) key makes it one row whoever inserts it), then claimed with a
/// conditional update that only matches when the run is neither finished nor leased; the instance whose update matched
/// runs the job and marks the period complete. A job that throws is logged, and its lease is cut to RetryDelay so any
/// instance retries it then, until it succeeds or its day ends; it never holds the period for good. The clock decides
/// what is due, so tests move time instead of waiting.
/// </summary>
public sealed class JobScheduler(IServiceScopeFactory scopes, TimeProvider clock, PortalInstance instance, IOptions<JobOptions> options, ILogger<JobScheduler> logger)
{
    /// <summary>Runs every due job (or only the named one). Returns the names of the jobs this call ran to completion.</summary>
    public async Task<IReadOnlyList<string>> RunDueAsync(string? only = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        List<(string Name, string Period)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = [.. scope.ServiceProvider.GetServices<IScheduledJob>()
                .Where(job => only is null || job.Name == only)
                .Select(job => (job.Name, Period: job.Schedule.DuePeriod(now)))
                .Where(job => job.Period is not null)
                .Select(job => (job.Name, job.Period!))];
        }

        var completed = new List<string>();
        foreach (var (name, period) in due)
        {
            if (await TryClaimAsync(name, period, cancellationToken) && await RunClaimedAsync(name, period, cancellationToken))
            {
                completed.Add(name);
            }
        }
        return completed;
    }

    private async Task<bool> TryClaimAsync(string name, string period, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CopDbContext>();
        var runs = db.JobRuns.Where(r => r.JobName == name && r.PeriodKey == period);
        if (!await runs.AnyAsync(cancellationToken))
        {
            await InsertPeriodAsync(db, name, period, cancellationToken);
        }
        var now = clock.GetUtcNow();
        var lease = now + options.Value.Lease;
        var owner = instance.Id;
        return await runs
            .Where(r => r.CompletedAt == null && (r.LeaseExpiresAt == null || r.LeaseExpiresAt <= now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Owner, owner)
                .SetProperty(r => r.LeaseExpiresAt, lease)
                .SetProperty(r => r.StartedAt, now)
                .SetProperty(r => r.Attempts, r => r.Attempts + 1), cancellationToken) == 1;
    }

    /// <summary>Adds the period's row unless another instance already has; losing that race is normal, not an error.</summary>
    private static async Task InsertPeriodAsync(CopDbContext db, string name, string period, CancellationToken cancellationToken)
    {
        if (db.IsSqlite || db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            // Both accept ON CONFLICT DO NOTHING, which avoids a failed INSERT (and its error-level log) for the loser.
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"JobRuns\" (\"JobName\", \"PeriodKey\", \"Attempts\") VALUES ({name}, {period}, 0) ON CONFLICT DO NOTHING",
                cancellationToken);
            return;
        }
        db.JobRuns.Add(new JobRun { JobName = name, PeriodKey = period });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.JobRuns.AnyAsync(r => r.JobName == name && r.PeriodKey == period, cancellationToken))
            {
                throw;
            }
            // Another instance inserted it first.
        }
    }

    private async Task<bool> RunClaimedAsync(string name, string period, CancellationToken cancellationToken)
    {
        var owner = instance.Id;
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var job = scope.ServiceProvider.GetServices<IScheduledJob>().Single(j => j.Name == name);
                logger.LogInformation("Running scheduled job {Job} for {Period}", name, period);
                await job.RunAsync(cancellationToken);
            }
            var finished = clock.GetUtcNow();
            await UpdateOwnRunAsync(name, period, owner, r => r
                .SetProperty(x => x.CompletedAt, finished)
                .SetProperty(x => x.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(x => x.LastError, (string?)null));
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: let another instance (or this one after a restart) run it straight away.
            var now = clock.GetUtcNow();
            await TryUpdateOwnRunAsync(name, period, owner, r => r.SetProperty(x => x.LeaseExpiresAt, now));
            throw;
        }
        catch (Exception ex)
        {
            var retryAt = clock.GetUtcNow() + options.Value.RetryDelay;
            logger.LogError(ex, "Scheduled job {Job} failed for {Period}; it will be tried again from {RetryAt}", name, period, retryAt);
            var error = $"{ex.GetType().Name}: {ex.Message}";
            error = error.Length > 1000 ? error[..1000] : error;
            await TryUpdateOwnRunAsync(name, period, owner, r => r
                .SetProperty(x => x.LeaseExpiresAt, retryAt)
                .SetProperty(x => x.LastError, error));
            return false;
        }
    }

    private async Task UpdateOwnRunAsync(string name, string period, string owner, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<JobRun>> set)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CopDbContext>();
        await db.JobRuns
            .Where(r => r.JobName == name && r.PeriodKey == period && r.Owner == owner && r.CompletedAt == null)
            .ExecuteUpdateAsync(set, CancellationToken.None);
    }

    /// <summary>Best effort: if the database is unreachable, the lease simply runs out.</summary>
    private async Task TryUpdateOwnRunAsync(string name, string period, string owner, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<JobRun>> set)
    {
        try
        {
            await UpdateOwnRunAsync(name, period, owner, set);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not record the outcome of scheduled job {Job} for {Period}", name, period);
        }
    }
}

/// <summary>Checks for due jobs every Jobs:PollInterval on each instance; the database decides which instance runs them.</summary>
public sealed class JobSchedulerService(JobScheduler scheduler, IOptions<JobOptions> options, TimeProvider clock, ILogger<JobSchedulerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                await scheduler.RunDueAsync(null, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Checking for due scheduled jobs failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
