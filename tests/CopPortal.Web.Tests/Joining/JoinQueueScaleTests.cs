using System.Diagnostics;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Joining;

/// <summary>
/// The staff queue at the benchmark's 1x and 10x shapes of the parts that matter to it (200 and 2,000 CoPs, 2,000
/// and 20,000 open requests). The page's work must not grow with the network: the same SQL commands and about the
/// same HTML. It once listed every CoP in its community filter, so at 10x it sent ten times the options (200 KB)
/// and its p95 was 2.2 times its 1x figure. Timings are written to the test output for the record, not asserted.
/// </summary>
public sealed class JoinQueueScaleTests(ITestOutputHelper output) : IDisposable
{
    private readonly PortalFactory _portal = new();

    [Fact]
    public async Task Queue_page_sends_the_same_commands_and_about_the_same_html_at_ten_times_the_communities_and_requests()
    {
        var counter = new CommandCounter();
        var recorder = new CommandRecorder();
        using var counted = _portal.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(counter).AddSingleton<IInterceptor>(recorder)));
        var staff = counted.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await staff.AsAsync(DemoData.StaffEmail);

        await GrowAsync(1, 200);
        var one = await MeasureAsync(staff, counter, recorder);
        await GrowAsync(201, 2_000);
        var ten = await MeasureAsync(staff, counter, recorder);

        output.WriteLine($"1x: {one.Bytes:N0} bytes, {one.Commands} commands, median {one.MedianMs:F1} ms");
        output.WriteLine($"10x: {ten.Bytes:N0} bytes, {ten.Commands} commands, median {ten.MedianMs:F1} ms");
        Assert.Equal(one.Commands, ten.Commands);
        // Statistics are those the portal took at start-up, when the table was small, as on a server that has
        // run for months: the page of rows must still be found through the queue index, never a scan of all.
        Assert.DoesNotContain(recorder.Commands, c => c.Contains("PLAN: SCAN j ", StringComparison.Ordinal) || c.Contains("PLAN: SCAN j0 ", StringComparison.Ordinal));
        // The rows shown are the same fifty; only numbers in the counts may differ in length.
        Assert.True(ten.Bytes < one.Bytes * 1.1, $"The queue page grew from {one.Bytes} to {ten.Bytes} bytes with ten times the communities");
    }

    private async Task<(int Bytes, int Commands, double MedianMs)> MeasureAsync(HttpClient staff, CommandCounter counter, CommandRecorder recorder)
    {
        // The rows were written behind the portal's back: let its kept names and counts expire, as they would
        // within a minute; the first visit then fills them again, and the steady state after it is measured.
        _portal.Clock.Advance(CommunityCache.MaxAge + JoinQueueCounts.MaxAge);
        await staff.GetStringAsync(PortalPaths.StaffJoinRequests);
        counter.Reset();
        recorder.Commands.Clear();
        var html = await staff.GetStringAsync(PortalPaths.StaffJoinRequests);
        var commands = counter.Count;
        foreach (var command in recorder.Commands)
        {
            output.WriteLine(command);
        }
        var times = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            var watch = Stopwatch.StartNew();
            await staff.GetStringAsync(PortalPaths.StaffJoinRequests);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (html.Length, commands, times[times.Count / 2]);
    }

    /// <summary>
    /// Adds CoPs numbered <paramref name="from"/> to <paramref name="to"/>, each with ten open requests, by copying
    /// a demo CoP and a demo open request in two INSERT ... SELECT statements (seconds with EF, milliseconds here).
    /// </summary>
    private Task<int> GrowAsync(int from, int to) =>
        _portal.WithDbAsync(async db =>
        {
            var sourceCommunity = await db.Communities.Where(c => c.Status == CommunityStatus.Active).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            var sourceRequest = await db.JoinRequests.Where(JoinRequest.InQueueFilter).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            var seq = $"WITH RECURSIVE seq(n) AS (SELECT {from} UNION ALL SELECT n + 1 FROM seq WHERE n < {to}) ";

            var (communities, communityColumns) = Columns<Community>(db);
            var communityValues = communityColumns.Select(c => c switch
            {
                "Name" => "'Scale community ' || seq.n",
                "Slug" => "'scale-' || seq.n",
                _ => $"c.\"{c}\"",
            });
            // Only numbers and the model's own names go into this SQL.
            var copyCommunities = $"{seq}INSERT INTO \"{communities}\" ({Quoted(communityColumns)}) SELECT {string.Join(", ", communityValues)} FROM \"{communities}\" c, seq WHERE c.\"Id\" = {sourceCommunity}";
            await db.Database.ExecuteSqlRawAsync(copyCommunities);

            // Ten applicants per CoP, so each (CoP, applicant) pair has one open request as the database requires.
            var (requests, requestColumns) = Columns<JoinRequest>(db);
            var requestValues = requestColumns.Select(c => c switch
            {
                "CommunityId" => "c.\"Id\"",
                "ApplicantId" => "u.\"Id\"",
                _ => $"r.\"{c}\"",
            });
            var copyRequests =
                $"INSERT INTO \"{requests}\" ({Quoted(requestColumns)}) SELECT {string.Join(", ", requestValues)} " +
                $"FROM \"{requests}\" r, \"Communities\" c, (SELECT \"Id\" FROM \"AspNetUsers\" ORDER BY \"Id\" LIMIT 10) u " +
                $"WHERE r.\"Id\" = {sourceRequest} AND c.\"Slug\" LIKE 'scale-%' AND NOT EXISTS (SELECT 1 FROM \"{requests}\" x WHERE x.\"CommunityId\" = c.\"Id\")";
            await db.Database.ExecuteSqlRawAsync(copyRequests);
            return 0;
        });

    private static (string Table, List<string> Columns) Columns<T>(CopDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        return (entity.GetTableName()!, entity.GetProperties().Where(p => p.Name != "Id").Select(p => p.GetColumnName()).ToList());
    }

    private static string Quoted(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));

    /// <summary>Writes each command's SQL and, on SQLite, its query plan, to show where the time goes.</summary>
    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Commands { get; } = new();

        public override async ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            var text = command.CommandText;
            if (command.Connection is Microsoft.Data.Sqlite.SqliteConnection && !text.StartsWith("EXPLAIN", StringComparison.Ordinal))
            {
                await using var plan = command.Connection.CreateCommand();
                plan.CommandText = "EXPLAIN QUERY PLAN " + text;
                plan.Transaction = command.Transaction;
                foreach (System.Data.Common.DbParameter p in command.Parameters)
                {
                    var copy = plan.CreateParameter();
                    copy.ParameterName = p.ParameterName;
                    copy.Value = p.Value;
                    plan.Parameters.Add(copy);
                }
                var steps = new List<string>();
                await using (var reader = await plan.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        steps.Add(reader.GetString(3));
                    }
                }
                text += "\n  PLAN: " + string.Join(" | ", steps);
            }
            Commands.Enqueue(text);
            return await base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    public void Dispose() => _portal.Dispose();
}
