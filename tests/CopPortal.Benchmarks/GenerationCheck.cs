using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CopPortal.Benchmarks;

/// <summary>
/// For --generate-only: what the generated database must satisfy for the portal to read it as its own (the schema
/// migrations made, consistent forum counters, an intact file), and the row count of every table.
/// </summary>
public static class GenerationCheck
{
    /// <summary>Every index with its SQL, as migrations made it.</summary>
    public static List<string> Indexes(string databasePath)
    {
        using var connection = Open(databasePath);
        return Strings(connection, "SELECT name || ' ON ' || tbl_name || ': ' || COALESCE(sql, '(automatic)') FROM sqlite_master WHERE type = 'index' ORDER BY name");
    }

    /// <summary>The row count of every table, by name.</summary>
    public static SortedDictionary<string, long> RowCounts(string databasePath)
    {
        using var connection = Open(databasePath);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"))
        {
            counts[table] = BulkInserter.Scalar(connection, $"SELECT COUNT(*) FROM \"{table}\"");
        }
        return counts;
    }

    /// <summary>The problems found, none if the data is as the portal would have it.</summary>
    public static List<string> Problems(string databasePath, List<string> indexesBefore, SortedDictionary<string, long> before, IReadOnlyDictionary<string, long> generated)
    {
        var problems = new List<string>();
        var after = RowCounts(databasePath);
        foreach (var (table, expected) in generated)
        {
            var added = after[table] - before.GetValueOrDefault(table);
            if (added != expected)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{table}: {added} rows generated, {expected} expected"));
            }
        }
        var indexesAfter = Indexes(databasePath);
        if (!indexesAfter.SequenceEqual(indexesBefore))
        {
            problems.Add("The indexes differ from those migrations made: missing " + string.Join("; ", indexesBefore.Except(indexesAfter)) + "; extra " + string.Join("; ", indexesAfter.Except(indexesBefore)));
        }
        using var connection = Open(databasePath);
        var integrity = Strings(connection, "PRAGMA integrity_check");
        if (integrity is not ["ok"])
        {
            problems.Add("integrity_check: " + string.Join("; ", integrity.Take(10)));
        }
        var mode = Strings(connection, "PRAGMA journal_mode");
        if (mode is not ["wal"])
        {
            problems.Add("journal_mode is " + string.Join("", mode) + ", not wal");
        }
        // The thread list and thread pages read these counters rather than counting posts.
        var badThreads = BulkInserter.Scalar(connection, """
            SELECT COUNT(*) FROM "ForumThreads" t
            WHERE t."PostCount" <> (SELECT COUNT(*) FROM "ForumPosts" p WHERE p."ThreadId" = t."Id")
               OR t."LastPostId" IS NOT (SELECT MAX(p."Id") FROM "ForumPosts" p WHERE p."ThreadId" = t."Id")
               OR t."LastPostAt" IS NOT (SELECT p."CreatedAt" FROM "ForumPosts" p WHERE p."Id" = t."LastPostId")
            """);
        if (badThreads > 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{badThreads} forum threads whose PostCount/LastPostId/LastPostAt disagree with their posts"));
        }
        return problems;
    }

    private static SqliteConnection Open(string databasePath)
    {
        var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        // integrity_check looks every index entry up in its table: with SQLite's small default cache that was
        // hundreds of gigabytes of reads at 10x; mapped into memory it reads the file once.
        BulkInserter.Execute(connection, "PRAGMA mmap_size=34359738368; PRAGMA cache_size=-1048576;");
        return connection;
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }
}
