using System.Data.Common;
using CopPortal.Domain.Data;
using CopPortal.Domain.People;
using Microsoft.AspNetCore.Identity;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace CopPortal.Web.Infrastructure.Database;

/// <summary>At start-up: apply migrations, make sure reference data exists, and load demo data on request.</summary>
public static class DatabaseInitialiser
{
    /// <summary>The log category of start-up messages.</summary>
    public const string LogCategory = "CopPortal.Startup";

    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, bool loadDemoData)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<CopDbContext>();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory);
        var retry = provider.GetService<PortalOptions>()?.StartupRetry ?? TimeSpan.Zero;
        await PrepareForMigrationsAsync(db, retry, logger);
        // Several instances may start together on one database: one at a time migrates and seeds.
        await using (await StartupLock.AcquireAsync(db))
        {
            // Migrations write before the content version's table exists; nothing is cached at start anyway.
            using (CopPortal.Domain.Caching.ContentChangeInterceptor.Suspend())
            {
                await db.Database.MigrateAsync();
            }
            await ReferenceData.EnsureAsync(db, provider.GetRequiredService<RoleManager<IdentityRole>>(), provider.GetRequiredService<TimeProvider>());
            await KeyProtection.ImportKeyFilesAsync(db, Path.Combine(provider.GetRequiredService<PortalOptions>().DataDirectory, "keys"));
            await PersonSearchBackfill.RunAsync(db);
            await LibraryFolderBackfill.RunAsync(db, provider.GetRequiredService<TimeProvider>());
        }
        if (loadDemoData)
        {
            await DemoData.LoadAsync(provider);
        }
        if (db.IsSqlite)
        {
            // Give SQLite's planner statistics to choose indexes by, as SQLite advises for long-lived databases.
            // Sampled, so it takes a fraction of a second even at ten times the benchmark's size. (PostgreSQL's
            // autovacuum keeps its own statistics.)
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; ANALYZE;");
        }
    }

    /// <summary>
    /// Waits for the database server, creates the database and the migrations history table if missing, and
    /// refuses a database that a newer version of the portal has migrated.
    /// </summary>
    private static async Task PrepareForMigrationsAsync(CopDbContext db, TimeSpan retry, ILogger logger)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await WaitForServerAsync(creator, retry, logger))
        {
            await creator.CreateAsync();
        }
        // Made here rather than by MigrateAsync: the PostgreSQL provider finds out whether the table exists by
        // reading it and failing, which EF logs as an error on every fresh install. This script checks first.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync();

        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync()).Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            // Running older code over a newer schema could corrupt data it does not understand; stop instead.
            throw new DatabaseStartupException(
                $"The database has {unknown.Count} migration(s) that this version of the portal does not know: " +
                $"{string.Join(", ", unknown)}. It was upgraded by a newer version. Run that version again, or " +
                "restore the backup taken before the upgrade; this version will not start on it.");
        }
    }

    /// <summary>Whether the database exists, asking again until the server answers or the retry time runs out.</summary>
    private static async Task<bool> WaitForServerAsync(IRelationalDatabaseCreator creator, TimeSpan retry, ILogger logger)
    {
        var started = DateTimeOffset.UtcNow;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await creator.ExistsAsync();
            }
            catch (Exception ex) when (ConnectionFailure(ex) is { } cause)
            {
                var left = retry - (DateTimeOffset.UtcNow - started);
                if (left <= TimeSpan.Zero)
                {
                    throw new DatabaseStartupException(
                        $"The database could not be reached after {attempt} attempt(s) over {retry.TotalSeconds:0} seconds " +
                        $"(Database:StartupRetrySeconds): {cause.Message}", ex);
                }
                var wait = left < RetryDelay ? left : RetryDelay;
                logger.LogWarning(
                    "The database could not be reached (attempt {Attempt}): {Error} Trying again in {DelaySeconds:0.#} s; giving up after {RetrySeconds} s (Database:StartupRetrySeconds).",
                    attempt, cause.Message, wait.TotalSeconds, retry.TotalSeconds);
                await Task.Delay(wait);
            }
        }
    }

    /// <summary>
    /// The database's own error behind a failed connection, if that is what this is. EF wraps a transient one
    /// ("likely due to a transient failure"), so the chain is searched.
    /// </summary>
    private static Exception? ConnectionFailure(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is DbException or TimeoutException or System.Net.Sockets.SocketException)
            {
                return ex;
            }
        }
        return null;
    }

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
}

/// <summary>A reason the portal will not start, told to the operator in words (no stack trace needed).</summary>
public sealed class DatabaseStartupException : Exception
{
    public DatabaseStartupException()
    {
    }

    public DatabaseStartupException(string message)
        : base(message)
    {
    }

    public DatabaseStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
