using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CopPortal.TestSupport;

/// <summary>
/// A real PostgreSQL server for the test run: initdb into a temporary folder and pg_ctl start on a free
/// loopback port (as the postgres user when running as root). Each test gets its own database, dropped when
/// the test's portal is disposed: hundreds of test databases kept to the end filled a small CI disk.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private static readonly Lazy<PostgresServer> Shared = new(() => new PostgresServer(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly string _dataDir;
    private readonly string _binDir;
    private readonly bool _asPostgresUser;
    private int _databaseCounter;

    public static PostgresServer Instance => Shared.Value;

    public int Port { get; }

    /// <summary>Where the server's own programs are (pg_dump and pg_restore of the same version).</summary>
    public string BinDirectory => _binDir;

    private PostgresServer()
    {
        _binDir = Environment.GetEnvironmentVariable("POSTGRES_BIN") ?? FindBinDir();
        _asPostgresUser = Environment.UserName == "root";
        RemoveStoppedServers();
        _dataDir = Path.Combine(Path.GetTempPath(), "copportal-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_dataDir);
        if (_asPostgresUser)
        {
            Run("chown", $"postgres:postgres {_dataDir}", asPostgres: false);
        }
        Port = FreePort();
        Run(Path.Combine(_binDir, "initdb"), $"-D {_dataDir} -A trust -U postgres --no-sync -E UTF8", asPostgres: _asPostgresUser);
        Run(Path.Combine(_binDir, "pg_ctl"), $"-D {_dataDir} -w -l {_dataDir}/server.log -o \"-p {Port} -k {_dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c wal_level=minimal -c max_wal_senders=0 -c max_wal_size=64MB -c min_wal_size=32MB\" start", asPostgres: _asPostgresUser);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=20;Include Error Detail=true";

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public string CreateDatabase()
    {
        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _databaseCounter)}_{Guid.NewGuid().ToString("N")[..6]}";
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing any connections still open to it.</summary>
    public void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Copies a database made by <see cref="CreateDatabase"/> into a new one, to be restored from with
    /// <see cref="RestoreDatabase"/>; returns the copy's name. Connections to the source are closed first
    /// (PostgreSQL copies only a database nobody is connected to).
    /// </summary>
    public string CopyAsTemplate(string connectionString)
    {
        var source = new NpgsqlConnectionStringBuilder(connectionString).Database;
        var name = $"template{Environment.ProcessId}_{Interlocked.Increment(ref _databaseCounter)}";
        ClearPool(connectionString);
        Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{source}\"");
        return name;
    }

    /// <summary>Replaces a database with a fresh copy of a template, keeping its name, so a running portal's connection string still works.</summary>
    public void RestoreDatabase(string connectionString, string template)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        ClearPool(connectionString);
        // One copy of a template is a file copy of a few MB: faster than deleting every row and loading the demo data again.
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
    }

    private static void ClearPool(string connectionString)
    {
        using var pooled = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(pooled);
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        try
        {
            Run(Path.Combine(_binDir, "pg_ctl"), $"-D {_dataDir} -m immediate stop", asPostgres: _asPostgresUser);
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        // The server's last processes may still be removing files when pg_ctl returns.
        for (var attempt = 0; attempt < 5 && Directory.Exists(_dataDir); attempt++)
        {
            try
            {
                Directory.Delete(_dataDir, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>
    /// Removes the folders of earlier runs' servers that have stopped (no postmaster.pid). A test host can be
    /// ended before its exit handler deletes its own folder; a running server of another test run is left alone.
    /// </summary>
    private static void RemoveStoppedServers()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), "copportal-pg-*"))
        {
            // A running server has its pid file; one being set up right now is only seconds old.
            if (File.Exists(Path.Combine(folder, "postmaster.pid")) || Directory.GetLastWriteTimeUtc(folder) > DateTime.UtcNow.AddMinutes(-2))
            {
                continue;
            }
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another run is creating it right now, or it is not ours to remove.
            }
        }
    }

    private static string FindBinDir()
    {
        var root = "/usr/lib/postgresql";
        var version = Directory.Exists(root)
            ? Directory.GetDirectories(root).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        return version is not null
            ? Path.Combine(version, "bin")
            : throw new InvalidOperationException("PostgreSQL is not installed (apt-get install postgresql). The test command installs it.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, string arguments, bool asPostgres)
    {
        var info = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = "/tmp";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {stderr} {stdout.Result}");
        }
    }
}
