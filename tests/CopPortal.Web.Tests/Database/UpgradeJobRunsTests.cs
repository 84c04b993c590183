using System.Globalization;
using CopPortal.Domain.Data;
using CopPortal.Web.Infrastructure;
using CopPortal.Web.Infrastructure.Joining;
using CopPortal.Web.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Database;

/// <summary>
/// Upgrade day: a database from the release before the job scheduler has "the digest ran today" in
/// ScheduledJobRuns. The upgrade carries it into JobRuns, so the new scheduler does not send that Monday's digest
/// a second time, and runs it again the next Monday.
/// </summary>
public sealed class UpgradeJobRunsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_digest_sent_before_the_upgrade_is_not_sent_again_that_Monday(DatabaseProvider provider)
    {
        using var portal = new PortalFactory(provider, demoData: false);
        // Midday UTC on the next Monday: after the digest's 07:00 London time, whatever the season.
        var now = portal.Clock.GetUtcNow();
        var monday = DateOnly.FromDateTime(now.UtcDateTime.Date).AddDays(((int)DayOfWeek.Monday - (int)now.UtcDateTime.DayOfWeek + 7) % 7);
        var midday = new DateTimeOffset(monday.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        if (midday <= now)
        {
            midday = midday.AddDays(7);
            monday = monday.AddDays(7);
        }
        var day = monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // The database as the previous release left it, with the digest recorded as run that Monday.
        var options = new DbContextOptionsBuilder<CopDbContext>();
        options.UseCopPortalDatabase(provider, portal.ConnectionString);
        await using (var db = new CopDbContext(options.Options))
        {
            var migrations = db.Database.GetMigrations().ToList();
            var previous = migrations[migrations.FindIndex(m => m.EndsWith("_WorkspacesFoundation", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(previous);
            var date = provider == DatabaseProvider.Postgres ? $"DATE '{day}'" : $"'{day}'";
#pragma warning disable EF1002 // The values are this test's own constants.
            await db.Database.ExecuteSqlRawAsync($"INSERT INTO \"ScheduledJobRuns\" (\"Name\", \"LastRunOn\") VALUES ('{JoinRequestDigestJob.JobName}', {date})");
#pragma warning restore EF1002
        }

        // The new release starts on it and migrates; then it is that Monday afternoon.
        _ = portal.Services;
        portal.Clock.Advance(midday - portal.Clock.GetUtcNow());
        var scheduler = ActivatorUtilities.CreateInstance<JobScheduler>(portal.Services, new PortalInstance("upgraded"));

        var run = await portal.WithDbAsync(db => db.JobRuns.AsNoTracking().SingleAsync(r => r.JobName == JoinRequestDigestJob.JobName));
        Assert.Equal((day, new DateTimeOffset(monday.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)), (run.PeriodKey, run.CompletedAt));
        Assert.Empty(await scheduler.RunDueAsync(JoinRequestDigestJob.JobName));

        portal.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal([JoinRequestDigestJob.JobName], await scheduler.RunDueAsync(JoinRequestDigestJob.JobName));
    }
}
