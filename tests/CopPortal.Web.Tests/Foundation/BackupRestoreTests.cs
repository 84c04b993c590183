using System.Diagnostics;
using System.Net;
using CopPortal.Domain.Data;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace CopPortal.Web.Tests.Foundation;

/// <summary>tools/scripts/backup.sh and restore.sh, on a running portal: the restored copy serves the same data and sessions.</summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly PortalFactory _original = new(DatabaseProvider.Sqlite);
    private readonly string _backups = Path.Combine(Path.GetTempPath(), "copportal-backups-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task A_sqlite_backup_taken_while_the_portal_runs_restores_into_a_fresh_data_directory_that_serves_it()
    {
        var cookies = new System.Net.CookieContainer();
        using var toOriginal = _original.CreateDefaultClient(new CookieContainerHandler(cookies));
        await toOriginal.AsAsync(DemoData.StaffEmail);
        // A change the original makes just before the backup (EF creates SQLite databases in WAL mode, so it may be in the WAL file still).
        await _original.WithDbAsync(async db =>
        {
            db.AllowedEmailDomains.Add(new CopPortal.Domain.People.AllowedEmailDomain { Domain = "backup-test.nhs.uk", Description = "Written just before the backup" });
            await db.SaveChangesAsync();
        });
        System.IO.Directory.CreateDirectory(Path.Combine(_original.DataDirectory, "mail"));
        await File.WriteAllTextAsync(Path.Combine(_original.DataDirectory, "mail", "kept.eml"), "a file from the data directory");

        var backup = Run("backup.sh", "sqlite", _original.DataDirectory, _backups).Trim();
        using var restored = new PortalFactory(DatabaseProvider.Sqlite, demoData: false);
        Run("restore.sh", backup, restored.DataDirectory);

        // The same browser, now talking to the restored copy: still signed in, and the last change is there.
        using var toRestored = restored.CreateDefaultClient(new CookieContainerHandler(cookies));
        var domains = await toRestored.GetAsync("/staff/email-domains");
        Assert.Equal(HttpStatusCode.OK, domains.StatusCode);
        Assert.Contains("backup-test.nhs.uk", await domains.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(restored.DataDirectory, "mail", "kept.eml")));
        // Restore never writes over a database.
        Assert.Throws<InvalidOperationException>(() => Run("restore.sh", backup, restored.DataDirectory));
    }

    [Fact]
    public async Task A_postgres_backup_taken_while_the_portal_runs_restores_into_an_empty_database_that_serves_it()
    {
        using var original = new PortalFactory(DatabaseProvider.Postgres);
        var cookies = new System.Net.CookieContainer();
        using var toOriginal = original.CreateDefaultClient(new CookieContainerHandler(cookies));
        await toOriginal.AsAsync(DemoData.StaffEmail);
        await original.WithDbAsync(async db =>
        {
            db.AllowedEmailDomains.Add(new CopPortal.Domain.People.AllowedEmailDomain { Domain = "pg-backup-test.nhs.uk", Description = "Written just before the backup" });
            await db.SaveChangesAsync();
        });
        System.IO.Directory.CreateDirectory(Path.Combine(original.DataDirectory, "mail"));
        await File.WriteAllTextAsync(Path.Combine(original.DataDirectory, "mail", "kept.eml"), "a file from the data directory");

        var backup = RunWith(PostgresEnvironment(original.ConnectionString), "backup.sh", "postgres", original.DataDirectory, _backups).Trim();
        // The restored portal's database is created empty by its factory; the restore fills it before it starts.
        using var restored = new PortalFactory(DatabaseProvider.Postgres, demoData: false);
        RunWith(PostgresEnvironment(restored.ConnectionString), "restore.sh", backup, restored.DataDirectory);

        // The same browser, now talking to the restored copy: still signed in (keys are in the database), and the change is there.
        using var toRestored = restored.CreateDefaultClient(new CookieContainerHandler(cookies));
        var domains = await toRestored.GetAsync(CopPortal.Domain.Links.PortalPaths.StaffEmailDomains);
        Assert.Equal(HttpStatusCode.OK, domains.StatusCode);
        Assert.Contains("pg-backup-test.nhs.uk", await domains.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(restored.DataDirectory, "mail", "kept.eml")));
        var (people, communities) = await restored.WithDbAsync(async db => (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Users), await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Communities)));
        var (peopleBefore, communitiesBefore) = await original.WithDbAsync(async db => (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Users), await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Communities)));
        Assert.Equal((peopleBefore, communitiesBefore), (people, communities));
    }

    /// <summary>The scripts read the database from COPPORTAL_PG_URI; the test server's own pg_dump/pg_restore come first on the path.</summary>
    private static Dictionary<string, string> PostgresEnvironment(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return new()
        {
            ["COPPORTAL_PG_URI"] = $"postgresql://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}",
            ["PATH"] = PostgresServer.Instance.BinDirectory + ":" + Environment.GetEnvironmentVariable("PATH"),
        };
    }

    private static string Run(string script, params string[] arguments) => RunWith([], script, arguments);

    private static string RunWith(Dictionary<string, string> environment, string script, params string[] arguments)
    {
        var path = Path.Combine(RepositoryRoot(), "tools", "scripts", script);
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        info.ArgumentList.Add(path);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output.Result : throw new InvalidOperationException($"{script} failed ({process.ExitCode}): {error}");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CopPortal.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("CopPortal.sln not found above the test folder");
    }

    public void Dispose()
    {
        _original.Dispose();
        if (System.IO.Directory.Exists(_backups))
        {
            System.IO.Directory.Delete(_backups, recursive: true);
        }
    }
}
