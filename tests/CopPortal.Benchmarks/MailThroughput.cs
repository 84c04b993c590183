using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CopPortal.Domain.Data;
using CopPortal.Domain.Messaging;
using CopPortal.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Benchmarks;

/// <summary>
/// Mail throughput (run.sh --mail): queues N messages in the outbox of a fresh database, starts the published
/// portal with its real dispatcher and SMTP transport pointed at a loopback SMTP sink, and times delivery from
/// the first message the sink receives to the last. Fails when any message is lost or arrives twice, or when
/// the rate is under the target.
/// </summary>
internal static partial class MailThroughput
{
    public const double TargetPerSecond = 200;

    public static async Task<int> RunAsync(string portalDll, string workDirectory, int port, int count)
    {
        var dataDir = Path.GetFullPath(Path.Combine(workDirectory, "data-mail"));
        if (Directory.Exists(dataDir))
        {
            Directory.Delete(dataDir, recursive: true);
        }
        Directory.CreateDirectory(dataDir);

        // 1. A migrated, empty database (no demo data: the demo queues emails of its own).
        await using (var seed = Portal.Start(portalDll, dataDir, port, demo: false))
        {
            await seed.WaitHealthyAsync();
        }

        // 2. The queue, as the portal writes it (a typical join-request email body).
        var database = Path.Combine(dataDir, "copportal.db");
        var expected = Enqueue(database, count);
        Console.WriteLine($"Queued {count:N0} messages");

        // 3. Delivery by the portal's own dispatcher to a loopback SMTP sink.
        await using var sink = new SmtpTestServer();
        var environment = new Dictionary<string, string>
        {
            ["Mail__DispatcherEnabled"] = "true",
            ["Mail__Transport"] = "Smtp",
            ["Mail__SmtpHost"] = "127.0.0.1",
            ["Mail__SmtpPort"] = sink.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail__PollInterval"] = "00:00:01",
        };
        var firstSeen = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        await using (var portal = Portal.Start(portalDll, dataDir, port, demo: false, environment))
        {
            await portal.WaitHealthyAsync();
            var lastProgress = (Count: 0, At: clock.Elapsed);
            while (sink.Received.Count < count)
            {
                var received = sink.Received.Count;
                if (received > 0 && firstSeen == TimeSpan.Zero)
                {
                    firstSeen = clock.Elapsed;
                }
                if (received != lastProgress.Count)
                {
                    lastProgress = (received, clock.Elapsed);
                }
                else if (clock.Elapsed - lastProgress.At > TimeSpan.FromSeconds(60))
                {
                    Console.WriteLine($"No progress for 60 s at {received:N0} of {count:N0}");
                    break;
                }
                await Task.Delay(10);
            }
            var elapsed = clock.Elapsed - firstSeen;

            // Every row must end Sent (the last status is saved just after the last send).
            long unsent = -1;
            for (var i = 0; i < 100 && unsent != 0; i++)
            {
                await Task.Delay(100);
                unsent = Scalar(database, $"SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"Status\" <> {(int)OutboxStatus.Sent}");
            }
            // A little longer, so a late duplicate would be seen.
            await Task.Delay(2000);

            var ids = sink.Received.Select(m => MessageId().Match(m.Data)).Select(m => m.Success ? m.Groups[1].Value : "?").ToList();
            var duplicated = ids.GroupBy(id => id).Count(g => g.Count() > 1);
            var lost = expected.Except(ids).Count();
            var rate = (sink.Received.Count - 1) / Math.Max(elapsed.TotalSeconds, 0.001);
            var ok = lost == 0 && duplicated == 0 && unsent == 0 && rate >= TargetPerSecond;

            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"Mail throughput, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores: {count:N0} queued messages through the portal's outbox dispatcher and MailKit SMTP transport to a loopback SMTP sink (SQLite).");
            report.AppendLine();
            report.AppendLine("| messages | seconds (first to last) | messages/s | target | lost | duplicated | not marked Sent | SMTP connections |");
            report.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| {count:N0} | {elapsed.TotalSeconds:F1} | {rate:F0} | ≥ {TargetPerSecond:F0} | {lost} | {duplicated} | {unsent} | {sink.Connections} |");
            report.AppendLine();
            report.AppendLine(ok ? "PASS" : "FAIL");
            var output = Path.Combine(workDirectory, "mail-results.md");
            await File.WriteAllTextAsync(output, report.ToString());
            Console.WriteLine(report);
            Console.WriteLine($"Written to {output}");
            return ok ? 0 : 1;
        }
    }

    private static HashSet<string> Enqueue(string database, int count)
    {
        var options = new DbContextOptionsBuilder<CopDbContext>();
        options.UseCopPortalDatabase(DatabaseProvider.Sqlite, $"Data Source={database}");
        using var model = new CopDbContext(options.Options);
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        var messages = Enumerable.Range(0, count).Select(i => new OutboxMessage
        {
            Id = Guid.NewGuid(),
            Kind = "join-request.received",
            ToAddress = $"person{i}@example.nhs.uk",
            ToName = $"Person {i}",
            Subject = "We have received your request to join Psychological Practitioners",
            TextBody = $"Dear Person {i},\n\nThank you for asking to join Psychological Practitioners.\n\nThe PPN Midlands team checks requests against the community's Terms of Reference every week. We will email you with our decision within about a week.\n\nYou can see your request, or withdraw it, at http://127.0.0.1/my\n\nPPN Midlands team",
            CreatedAt = now,
            NextAttemptAt = now,
        }).ToList();
        new BulkInserter(model, connection).Insert(messages);
        return messages.Select(m => $"{m.Id:N}@copportal").ToHashSet();
    }

    private static long Scalar(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        return BulkInserter.Scalar(connection, sql);
    }

    [GeneratedRegex(@"^Message-ID: <([^>]+)>", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex MessageId();
}
