using CopPortal.Domain.Scheduling;
using CopPortal.Web.Infrastructure;
using CopPortal.Web.Infrastructure.Scheduling;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Foundation;

/// <summary>
/// The job scheduler over the real database: what is due comes from the injected clock, and "once per period"
/// holds across several instances because the database, not the process, decides who runs a period.
/// </summary>
public sealed class JobSchedulerTests : IDisposable
{
    private readonly ProbePortal _portal = new();

    /// <summary>Counts its runs; can be made slow (to overlap two instances) or to throw.</summary>
    public sealed class Probe
    {
        private int _runs;
        public int Runs => _runs;
        public TimeSpan Delay { get; set; }
        public int FailuresLeft { get; set; }

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(Delay, cancellationToken);
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new InvalidOperationException("The probe job failed on purpose");
            }
            Interlocked.Increment(ref _runs);
        }
    }

    private sealed class ProbeJob(Probe probe) : IScheduledJob
    {
        public string Name => "probe";

        // 09:00 in London: 09:00 UTC in winter, 08:00 UTC in summer.
        public JobSchedule Schedule { get; } = JobSchedule.DailyAt(9, 0);

        public Task RunAsync(CancellationToken cancellationToken) => probe.RunAsync(cancellationToken);
    }

    private sealed class ProbePortal : PortalFactory
    {
        public ProbePortal()
            : base(DefaultProvider(), demoData: false)
        {
        }

        public Probe Probe { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddSingleton(Probe);
                services.AddScheduledJob<ProbeJob>();
            });
        }
    }

    /// <summary>A scheduler as another instance would have it: same database, its own instance id.</summary>
    private JobScheduler Instance(string id) =>
        ActivatorUtilities.CreateInstance<JobScheduler>(_portal.Services, new PortalInstance(id));

    private Task<IReadOnlyList<string>> RunAsync(string instance = "instance-a") => Instance(instance).RunDueAsync("probe");

    private Task<JobRun> RunRowAsync(string period) =>
        _portal.WithDbAsync(db => db.JobRuns.AsNoTracking().SingleAsync(r => r.JobName == "probe" && r.PeriodKey == period));

    [Fact]
    public async Task Two_scheduler_instances_over_one_database_run_a_due_job_once_for_the_period()
    {
        _portal.Clock.Set(new DateTimeOffset(2026, 11, 18, 9, 30, 0, TimeSpan.Zero));
        // Slow enough that the two instances' passes overlap while the job runs.
        _portal.Probe.Delay = TimeSpan.FromMilliseconds(300);
        var a = Instance("instance-a");
        var b = Instance("instance-b");

        var passes = await Task.WhenAll(Enumerable.Range(0, 4).SelectMany(_ => new[]
        {
            Task.Run(() => a.RunDueAsync("probe")),
            Task.Run(() => b.RunDueAsync("probe")),
        }));

        Assert.Equal(1, _portal.Probe.Runs);
        Assert.Equal(1, passes.Count(ran => ran.Contains("probe")));
        var row = await RunRowAsync("2026-11-18");
        Assert.NotNull(row.CompletedAt);
        Assert.Equal(1, row.Attempts);

        // The next day's period is a new run, again once.
        _portal.Clock.Advance(TimeSpan.FromDays(1));
        await Task.WhenAll(Task.Run(() => a.RunDueAsync("probe")), Task.Run(() => b.RunDueAsync("probe")));
        Assert.Equal(2, _portal.Probe.Runs);
    }

    [Fact]
    public async Task The_clock_decides_when_a_daily_job_is_due_in_london_time()
    {
        // Wednesday 18 November (GMT): not before 09:00, then once until the day ends.
        _portal.Clock.Set(new DateTimeOffset(2026, 11, 18, 8, 59, 0, TimeSpan.Zero));
        Assert.Empty(await RunAsync());
        _portal.Clock.Set(new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(["probe"], await RunAsync());
        _portal.Clock.Set(new DateTimeOffset(2026, 11, 18, 23, 59, 0, TimeSpan.Zero));
        Assert.Empty(await RunAsync());
        // Just after midnight the new day's run is not yet due.
        _portal.Clock.Set(new DateTimeOffset(2026, 11, 19, 0, 1, 0, TimeSpan.Zero));
        Assert.Empty(await RunAsync());
        Assert.Equal(1, _portal.Probe.Runs);

        // In summer, 09:00 in London is 08:00 UTC.
        _portal.Clock.Set(new DateTimeOffset(2027, 7, 6, 7, 59, 0, TimeSpan.Zero));
        Assert.Empty(await RunAsync());
        _portal.Clock.Set(new DateTimeOffset(2027, 7, 6, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(["probe"], await RunAsync());
        Assert.Equal("2027-07-06", (await _portal.WithDbAsync(db => db.JobRuns.AsNoTracking().OrderByDescending(r => r.PeriodKey).FirstAsync())).PeriodKey);
    }

    [Fact]
    public void Weekly_schedule_is_due_on_its_day_only()
    {
        var monday = JobSchedule.WeeklyAt(DayOfWeek.Monday, 7, 0);
        Assert.Null(monday.DuePeriod(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero)));
        Assert.Null(monday.DuePeriod(new DateTimeOffset(2026, 11, 23, 6, 59, 0, TimeSpan.Zero)));
        Assert.Equal("2026-11-23", monday.DuePeriod(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero)));
        Assert.Null(monday.DuePeriod(new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task A_job_that_throws_is_recorded_and_retried_after_the_retry_delay_not_held_for_the_period()
    {
        _portal.Clock.Set(new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.Zero));
        _portal.Probe.FailuresLeft = 1;

        Assert.Empty(await RunAsync("instance-a"));
        var failed = await RunRowAsync("2026-11-18");
        Assert.Null(failed.CompletedAt);
        Assert.Equal("InvalidOperationException: The probe job failed on purpose", failed.LastError);
        Assert.Equal(_portal.Clock.GetUtcNow().AddMinutes(5), failed.LeaseExpiresAt);

        // Not straight away (a failing job is not hammered every minute)...
        _portal.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Empty(await RunAsync("instance-b"));
        // ...but after the retry delay any instance runs it, and the period is then done.
        _portal.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(["probe"], await RunAsync("instance-b"));
        var done = await RunRowAsync("2026-11-18");
        Assert.NotNull(done.CompletedAt);
        Assert.Null(done.LastError);
        Assert.Equal(("instance-b", 2), (done.Owner, done.Attempts));
        Assert.Empty(await RunAsync("instance-a"));
        Assert.Equal(1, _portal.Probe.Runs);
    }

    [Fact]
    public async Task A_run_held_by_an_instance_that_died_is_taken_over_when_its_lease_expires()
    {
        _portal.Clock.Set(new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.Zero));
        // What the database holds if an instance died while running the job.
        await _portal.WithDbAsync(async db =>
        {
            db.JobRuns.Add(new JobRun
            {
                JobName = "probe", PeriodKey = "2026-11-18", Owner = "dead-instance", Attempts = 1,
                StartedAt = _portal.Clock.GetUtcNow(), LeaseExpiresAt = _portal.Clock.GetUtcNow().AddMinutes(30),
            });
            await db.SaveChangesAsync();
        });

        _portal.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Empty(await RunAsync());
        _portal.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(["probe"], await RunAsync());
        Assert.Equal(1, _portal.Probe.Runs);
        Assert.Equal("instance-a", (await RunRowAsync("2026-11-18")).Owner);
    }

    public void Dispose() => _portal.Dispose();
}
