using CopPortal.Domain.Data;
using Npgsql;

namespace CopPortal.Web.Tests.Foundation;

/// <summary>
/// Each test's portal removes what it made when it is disposed. Hundreds of test databases kept to the end of
/// the run once filled a CI machine's disk, so this is checked like any other behaviour.
/// </summary>
public sealed class TestPortalCleanupTests
{
    [Fact]
    public async Task A_disposed_portal_drops_its_postgres_database()
    {
        string database;
        using (var portal = new PortalFactory(DatabaseProvider.Postgres, demoData: false))
        {
            (await portal.CreateClient().GetAsync("/health")).EnsureSuccessStatusCode();
            database = new NpgsqlConnectionStringBuilder(portal.ConnectionString).Database!;
            Assert.Contains(database, await DatabaseNamesAsync());
        }

        Assert.DoesNotContain(database, await DatabaseNamesAsync());
    }

    [Fact]
    public async Task A_disposed_portal_removes_its_sqlite_folder()
    {
        string folder;
        using (var portal = new PortalFactory(DatabaseProvider.Sqlite, demoData: false))
        {
            (await portal.CreateClient().GetAsync("/health")).EnsureSuccessStatusCode();
            folder = portal.DataDirectory;
            Assert.True(File.Exists(Path.Combine(folder, "copportal.db")));
        }

        Assert.False(System.IO.Directory.Exists(folder));
    }

    private static async Task<List<string>> DatabaseNamesAsync()
    {
        await using var connection = new NpgsqlConnection(PostgresServer.Instance.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT datname FROM pg_database", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }
}
