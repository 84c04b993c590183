using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

/// <summary>
/// The one place that knows which database providers exist. Each has its own migrations assembly, all three
/// scaffolded together by tools/scripts/add-migration.sh (see README).
/// </summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "CopPortal.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "CopPortal.Migrations.Postgres";
    public const string SqlServerMigrationsAssembly = "CopPortal.Migrations.SqlServer";

    public static DbContextOptionsBuilder UseCopPortalDatabase(this DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The model differs by provider (SQLite stores DateTimeOffset as a sortable number), so cache it per provider.
        builder.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, ProviderAwareModelCacheKeyFactory>();
        return provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly)),
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(SqlServerMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
    }

    // SQLite lets one writer in at a time; a writer that finds the database locked (SQLITE_BUSY) waits and retries
    // for up to Default Timeout seconds instead of failing, so concurrent requests queue rather than answer 500.
    // EF's transactions begin IMMEDIATE, taking the write lock at the start, so a transaction never has to
    // upgrade a stale read snapshot (which SQLite would refuse at once).
    public static string SqliteConnectionString(string dataDirectory) =>
        $"Data Source={Path.Combine(dataDirectory, "copportal.db")};Foreign Keys=True;Pooling=True;Default Timeout=30";
}
