using CopPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CopPortal.Web.Infrastructure.Database;

/// <summary>
/// On PostgreSQL, one instance at a time migrates and seeds: two instances starting together on an empty
/// database both applied the first migration and one failed ("column … already exists"). A session advisory
/// lock on a connection of its own, held until disposed; the second instance waits, then finds nothing to do.
/// SQLite needs none (EF Core's own migration lock and the seeding's IMMEDIATE transaction serialise it).
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    // Any number used for nothing else; the same in every instance.
    private const long Key = 0x436f70537461; // "CopSta"
    private readonly NpgsqlConnection? _connection;

    private StartupLock(NpgsqlConnection? connection) => _connection = connection;

    public static async Task<StartupLock> AcquireAsync(CopDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.IsSqlite)
        {
            return new StartupLock(null);
        }
        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            // Waits as long as the other instance's migration takes.
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new StartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null)
        {
            return;
        }
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection))
        {
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync();
        }
        await _connection.DisposeAsync();
    }
}
