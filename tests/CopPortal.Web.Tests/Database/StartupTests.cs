using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using CopPortal.Domain.Data;
using CopPortal.Web.Infrastructure;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CopPortal.Web.Tests.Database;

/// <summary>
/// Start-up against the database (issue #15): newer databases are refused, a fresh install logs no errors,
/// an unreachable server is retried, and failures reach the log as structured entries with exit code 1.
/// Some tests run the built portal as its own process, as an operator would.
/// </summary>
public sealed class StartupTests
{
    private const string FutureMigration = "29991231000000_FromANewerVersion";

    [Fact]
    public async Task Start_refuses_a_database_with_a_migration_this_version_does_not_know()
    {
        using var portal = new PortalFactory(PortalFactory.DefaultProvider(), demoData: false);
        _ = portal.Services; // started and migrated
        await AddFutureMigrationAsync(portal);

        var failure = await Assert.ThrowsAsync<DatabaseStartupException>(() => portal.Services.InitialiseDatabaseAsync(loadDemoData: false));
        Assert.Contains(FutureMigration, failure.Message, StringComparison.Ordinal);

        // Run for real, the refusal is one structured log entry naming the migration, and the process fails.
        var run = await RunPortalAsync(portal);
        Assert.Equal(1, run.ExitCode);
        var critical = Assert.Single(run.Entries, e => e.GetProperty("LogLevel").GetString() == "Critical");
        Assert.Contains(FutureMigration, critical.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task First_start_on_an_empty_database_logs_no_errors(DatabaseProvider provider)
    {
        var logs = new CapturedLogs();
        using var portal = new PortalFactory(provider, demoData: false);
        using var started = portal.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));

        Assert.Equal(System.Net.HttpStatusCode.OK, (await started.CreateClient().GetAsync("/health")).StatusCode);
        Assert.Contains(logs.Entries, e => e.Category.StartsWith("Microsoft.EntityFrameworkCore.Migrations", StringComparison.Ordinal));
        Assert.Empty(logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message}"));
    }

    [Fact]
    public async Task Start_retries_an_unreachable_database_then_fails_naming_the_setting()
    {
        using var portal = new PortalFactory(DatabaseProvider.Sqlite, demoData: false);
        var run = await RunPortalAsync(portal, new()
        {
            ["Database__Provider"] = "Postgres",
            // Nothing listens on port 1.
            ["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2",
            ["Database__StartupRetrySeconds"] = "4",
        });

        Assert.Equal(1, run.ExitCode);
        var retries = run.Entries.Where(e => e.GetProperty("LogLevel").GetString() == "Warning"
            && e.GetProperty("Message").GetString()!.StartsWith("The database could not be reached (attempt ", StringComparison.Ordinal)).ToList();
        // A warning before each retry, then the last attempt's failure (how many fit in the time depends on load).
        Assert.NotEmpty(retries);
        var critical = Assert.Single(run.Entries, e => e.GetProperty("LogLevel").GetString() == "Critical");
        var message = critical.GetProperty("Message").GetString()!;
        Assert.Contains($"after {retries.Count + 1} attempt(s)", message, StringComparison.Ordinal);
        Assert.Contains("Database:StartupRetrySeconds", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_with_an_unknown_provider_names_the_setting_without_a_stack_trace()
    {
        var options = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" }).Build();
        var failure = Assert.Throws<InvalidOperationException>(() => PortalOptions.From(options));
        Assert.Contains("Database:Provider", failure.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => PortalOptions.From(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "1" }).Build()));

        using var portal = new PortalFactory(DatabaseProvider.Sqlite, demoData: false);
        var run = await RunPortalAsync(portal, new() { ["Database__Provider"] = "Oracle" });

        Assert.Equal(1, run.ExitCode);
        var critical = Assert.Single(run.Entries);
        Assert.Contains("Database:Provider is \"Oracle\"", critical.GetProperty("Message").GetString(), StringComparison.Ordinal);
        Assert.False(critical.TryGetProperty("Exception", out _));
    }

    [Fact]
    public async Task Production_without_a_public_base_url_refuses_to_start_and_names_the_setting()
    {
        // Links in emails are built from PublicBaseUrl, never from a request's Host: production must say where it is.
        using var portal = new PortalFactory(DatabaseProvider.Sqlite, demoData: false);
        var run = await RunPortalAsync(portal, new() { ["ASPNETCORE_ENVIRONMENT"] = "Production" });

        Assert.Equal(1, run.ExitCode);
        var critical = Assert.Single(run.Entries, e => e.GetProperty("LogLevel").GetString() == "Critical");
        Assert.Contains("PublicBaseUrl is not set", critical.GetRawText(), StringComparison.Ordinal);
    }

    private static Task<int> AddFutureMigrationAsync(PortalFactory portal) =>
        portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            $"""INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('{FutureMigration}', '99.0.0')"""));

    private sealed record PortalRun(int ExitCode, string Output, List<JsonElement> Entries);

    /// <summary>Runs the built portal (src/CopPortal.Web) on the factory's database until it exits (it should not start).</summary>
    private static async Task<PortalRun> RunPortalAsync(PortalFactory portal, Dictionary<string, string>? settings = null)
    {
        var testBin = AppContext.BaseDirectory;
        var webBin = testBin.Replace(Path.Combine("tests", "CopPortal.Web.Tests"), Path.Combine("src", "CopPortal.Web"), StringComparison.Ordinal);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(webBin, "CopPortal.Web.dll"), "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = webBin,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        // Development prints plain lines for a person; these tests read the JSON a deployment writes.
        start.Environment["Logging__Console__FormatterName"] = "json";
        start.Environment["DataDirectory"] = portal.DataDirectory;
        start.Environment["Database__Provider"] = portal.Provider.ToString();
        start.Environment["ConnectionStrings__Postgres"] = portal.ConnectionString;
        start.Environment["Mail__DispatcherEnabled"] = "false";
        start.Environment["Database__StartupRetrySeconds"] = "0";
        foreach (var (key, value) in settings ?? [])
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var output = await stdout;
        // Every line is a JSON log entry: no raw stack trace, on either stream.
        Assert.Equal("", await stderr);
        var entries = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
        return new PortalRun(process.ExitCode, output, entries);
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs logs, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Entries.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
