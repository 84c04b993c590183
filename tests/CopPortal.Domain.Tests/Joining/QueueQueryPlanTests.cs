using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Tests.Joining;

/// <summary>
/// The staff queue's default view must read its index in order: if SQLite's planner sorts instead, the page's
/// cost grows with every open request (the benchmark saw this at ten times its size).
/// </summary>
public sealed class QueueQueryPlanTests : IDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("copportal-plan-").FullName;

    [Fact]
    public async Task Open_queue_pages_and_week_counts_read_the_queue_index_without_sorting()
    {
        var builder = new DbContextOptionsBuilder<CopDbContext>();
        builder.UseCopPortalDatabase(DatabaseProvider.Sqlite, DatabaseSetup.SqliteConnectionString(_directory));
        var options = builder.Options;
        await using var db = new CopDbContext(options);
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; ANALYZE;");

        var page = db.JoinRequests.Where(JoinRequest.InQueueFilter)
            .OrderBy(r => r.SubmittedWeekOf).ThenBy(r => r.SubmittedAt).ThenBy(r => r.Id)
            .Select(r => r.Id);
        var weeks = db.JoinRequests.Where(JoinRequest.InQueueFilter)
            .GroupBy(r => r.SubmittedWeekOf)
            .Select(g => new { g.Key, Count = g.Count() });

        foreach (var sql in new[] { page.ToQueryString(), weeks.ToQueryString() })
        {
            var plan = await PlanAsync(db, sql);
            Assert.Contains("IX_JoinRequests_Queue", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(JoinRequestStatus.Pending, 1)]
    [InlineData(JoinRequestStatus.InformationRequested, 1)]
    [InlineData(JoinRequestStatus.Approved, 0)]
    [InlineData(JoinRequestStatus.Declined, 0)]
    [InlineData(JoinRequestStatus.Withdrawn, 0)]
    [InlineData(JoinRequestStatus.WaitingList, 0)]
    public void InQueue_follows_the_status(JoinRequestStatus status, int inQueue)
    {
        var request = new JoinRequest { Status = JoinRequestStatus.Approved };
        request.Status = status;
        Assert.Equal(inQueue, request.InQueue);
        Assert.Equal(request.AwaitsDecision, request.InQueue == 1);
        Assert.Equal(1, new JoinRequest().InQueue);
    }

    private static async Task<string> PlanAsync(CopDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }
        return string.Join("\n", steps);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_directory, recursive: true);
    }
}
