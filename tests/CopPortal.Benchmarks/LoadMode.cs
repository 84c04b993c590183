using Microsoft.Data.Sqlite;

namespace CopPortal.Benchmarks;

/// <summary>
/// Puts a freshly seeded database into a loading mode and back. While loading: no rollback journal and no syncs
/// (a failed generation is simply run again), a large page cache, and no secondary indexes, so each row is one
/// append rather than a random write into every index. Afterwards the indexes are made again from the exact SQL
/// that migrations stored in sqlite_master, so the schema is the one the portal made, and the database goes back
/// to WAL mode.
/// </summary>
public sealed class LoadMode
{
    private readonly SqliteConnection _connection;
    private readonly List<(string Name, string Sql)> _indexes = [];

    private LoadMode(SqliteConnection connection) => _connection = connection;

    public static LoadMode Begin(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var mode = new LoadMode(connection);
        // The journal mode can only change while no other connection has the database open.
        BulkInserter.Execute(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-1048576; PRAGMA temp_store=FILE; PRAGMA threads=2;");
        using (var command = connection.CreateCommand())
        {
            // Indexes SQLite made for PRIMARY KEY and UNIQUE constraints have no SQL and cannot be dropped.
            command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY rowid";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                mode._indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        foreach (var (name, _) in mode._indexes)
        {
            BulkInserter.Execute(connection, $"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
        }
        return mode;
    }

    /// <summary>Makes the indexes again (a unique one fails here if the data broke its rule) and returns to WAL.</summary>
    public void End()
    {
        foreach (var (name, sql) in _indexes)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            BulkInserter.Execute(_connection, sql);
            if (watch.Elapsed > TimeSpan.FromSeconds(2))
            {
                // The big ones, to show where this phase's time goes.
                Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"    {name}: {watch.Elapsed.TotalSeconds:F1} s"));
            }
        }
        BulkInserter.Execute(_connection, "PRAGMA journal_mode=WAL;");
    }
}
