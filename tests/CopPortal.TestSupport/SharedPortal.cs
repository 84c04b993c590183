using System.Net;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.TestSupport;

/// <summary>
/// One portal with the default settings and demo data, shared by every test of a class
/// (<c>IClassFixture&lt;SharedPortal&gt;</c>) so the host starts once per class rather than once per test.
/// Each test starts with <see cref="Fresh"/>, which puts back what a new <see cref="PortalFactory"/> would have:
/// the database as migrated with demo data (a copy of a template: a file for SQLite, <c>CREATE DATABASE … TEMPLATE</c>
/// on PostgreSQL), the clock at its start, the in-memory caches emptied, and a client address of the test's own so
/// sign-in pauses and rate-limit windows of earlier tests do not apply. The template is made once per test run by
/// the first shared portal to start; later ones start from it, so their start-up finds the demo data in place.
/// Tests that need other settings or environments keep their own <c>new PortalFactory()</c>.
/// </summary>
public sealed class SharedPortal : PortalFactory
{
    private static readonly Lock TemplateLock = new();
    private static string? s_sqliteTemplate;
    private static string? s_postgresTemplate;
    private static int s_clientCounter;

    private readonly Dictionary<string, string?> _settingsAtStart;
    private bool _started;

    public SharedPortal()
        : base(DefaultProvider())
    {
        _settingsAtStart = new Dictionary<string, string?>(Settings);
        lock (TemplateLock)
        {
            if (s_sqliteTemplate is not null && Provider == DatabaseProvider.Sqlite)
            {
                File.Copy(s_sqliteTemplate, SqliteFile);
            }
            else if (s_postgresTemplate is not null && Provider == DatabaseProvider.Postgres)
            {
                PostgresServer.Instance.RestoreDatabase(ConnectionString, s_postgresTemplate);
            }
        }
    }

    private string SqliteFile => Path.Combine(DataDirectory, "copportal.db");

    /// <summary>This portal as a new test expects to find it. Call once at the start of each test (the test class's constructor).</summary>
    public PortalFactory Fresh()
    {
        if (EnvironmentName != "Testing" || _settingsAtStart.Count != Settings.Count
            || _settingsAtStart.Any(s => !Settings.TryGetValue(s.Key, out var value) || value != s.Value))
        {
            // The host was built before the change, so the test that made it did not get what it asked for.
            throw new InvalidOperationException("A test changed the settings or environment of a shared portal, which has already started with the defaults. Give that test its own: using var portal = new PortalFactory { ... };");
        }
        if (_started)
        {
            RestoreDatabase();
        }
        else
        {
            _ = Services; // Starts the host: migrations and demo data, unless copied from the template above.
            _started = true;
            SaveTemplate();
        }
        Clock.Reset();
        Services.GetRequiredService<CommunityCache>().Changed();
        Services.GetRequiredService<JoinQueueCounts>().Changed();
        Services.GetRequiredService<CopPortal.Domain.Caching.AggregateCache>().Changed();
        Services.GetRequiredService<CopPortal.Domain.Auditing.AuditEntityTypes>().Changed();
        // The restored database's content version is back where it was, so data and markup kept under the versions
        // an earlier test reached would be taken for current.
        Services.GetRequiredService<CopPortal.Domain.Caching.ContentCache>().ForgetAll();
        ((Microsoft.Extensions.Caching.Memory.MemoryCache)Services.GetRequiredService<Microsoft.AspNetCore.Mvc.TagHelpers.CacheTagHelperMemoryCacheFactory>().Cache).Clear();
        var n = Interlocked.Increment(ref s_clientCounter);
        // 198.18.0.0/15 is set aside for tests of network equipment; no real client has these.
        DefaultClientAddress = new IPAddress([198, (byte)(18 + ((n >> 16) & 1)), (byte)(n >> 8), (byte)n]);
        return this;
    }

    private void SaveTemplate()
    {
        lock (TemplateLock)
        {
            if (Provider == DatabaseProvider.Sqlite && s_sqliteTemplate is null)
            {
                // Closes the host's pooled connections so the file is complete on disk before it is copied.
                SqliteConnection.ClearAllPools();
                var template = Path.Combine(Path.GetTempPath(), $"copportal-template-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}.db");
                File.Copy(SqliteFile, template);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(template);
                s_sqliteTemplate = template;
            }
            else if (Provider == DatabaseProvider.Postgres && s_postgresTemplate is null)
            {
                // The server and its databases go at the end of the run; no separate clean-up needed.
                s_postgresTemplate = PostgresServer.Instance.CopyAsTemplate(ConnectionString);
            }
        }
    }

    private void RestoreDatabase()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            PostgresServer.Instance.RestoreDatabase(ConnectionString, s_postgresTemplate!);
            return;
        }
        // Pooled connections would keep the old file open; clearing the pools makes the next request open the copy.
        // Connections of other classes' portals in use right now are closed when returned, not broken.
        SqliteConnection.ClearAllPools();
        var incoming = SqliteFile + ".incoming";
        File.Copy(s_sqliteTemplate!, incoming, overwrite: true);
        // A rename replaces the file in one step: anything still holding the old one reads the old one, never half a copy.
        File.Move(incoming, SqliteFile, overwrite: true);
        File.Delete(SqliteFile + "-journal");
        File.Delete(SqliteFile + "-wal");
        File.Delete(SqliteFile + "-shm");
    }
}
