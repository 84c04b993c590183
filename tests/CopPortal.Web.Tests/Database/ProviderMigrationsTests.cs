using CopPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CopPortal.Web.Tests.Database;

/// <summary>
/// Each provider's migrations match the model and script cleanly, without a server: SQL Server cannot run here,
/// so this (with the model checks below) is how its migrations are tested.
/// </summary>
public sealed class ProviderMigrationsTests
{
    // Never opened: the model, migrations and scripts need only the provider.
    private static CopDbContext Context(DatabaseProvider provider)
    {
        var connection = provider switch
        {
            DatabaseProvider.Sqlite => "Data Source=:memory:",
            DatabaseProvider.Postgres => "Host=127.0.0.1;Port=1;Database=none",
            _ => "Server=127.0.0.1,1;Database=none;TrustServerCertificate=true",
        };
        var options = new DbContextOptionsBuilder<CopDbContext>();
        options.UseCopPortalDatabase(provider, connection);
        return new CopDbContext(options.Options);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Migrations_capture_the_whole_model(DatabaseProvider provider)
    {
        using var db = Context(provider);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: the model has changes no migration captures; run tools/scripts/add-migration.sh <Name>.");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Idempotent_script_generates_up_to_the_last_migration(DatabaseProvider provider)
    {
        using var db = Context(provider);
        // EF cannot make SQLite scripts idempotent (SQLite has no IF); its full script is checked instead.
        var script = db.GetService<IMigrator>().GenerateScript(
            options: provider == DatabaseProvider.Sqlite ? MigrationsSqlGenerationOptions.Default : MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains(db.Database.GetMigrations().Last(), script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Sql_server_script_uses_its_own_syntax_for_the_collation_and_filtered_index()
    {
        using var db = Context(DatabaseProvider.SqlServer);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        // Search prefixes need ordinal comparison; SQL Server has no "C" collation.
        Assert.Contains("COLLATE Latin1_General_100_BIN2", script, StringComparison.Ordinal);
        Assert.DoesNotContain("COLLATE C", script, StringComparison.Ordinal);
        Assert.Contains("WHERE [Status] IN (0, 1, 5)", script, StringComparison.Ordinal);
    }

    /// <summary>SQL Server cannot index nvarchar(max) columns; every key and index column needs a length.</summary>
    [Fact]
    public void Sql_server_keys_and_indexes_have_no_max_length_columns()
    {
        using var db = Context(DatabaseProvider.SqlServer);
        var model = db.GetService<IDesignTimeModel>().Model;
        var tooLong = model.GetEntityTypes()
            .SelectMany(e => e.GetKeys().Select(k => k.Properties).Concat(e.GetIndexes().Select(i => i.Properties)))
            .SelectMany(p => p)
            .Where(p => p.GetColumnType().Contains("(max)", StringComparison.OrdinalIgnoreCase))
            .Select(p => $"{p.DeclaringType.DisplayName()}.{p.Name}")
            .Distinct()
            .ToList();
        Assert.Empty(tooLong);
    }

    /// <summary>
    /// SQL Server refuses a foreign key whose ON DELETE action (CASCADE or SET NULL) would give a table a second
    /// path of such actions from another table, or a cycle (error 1785); SQLite and PostgreSQL accept both.
    /// </summary>
    [Fact]
    public void Sql_server_delete_actions_give_each_table_at_most_one_path()
    {
        using var db = Context(DatabaseProvider.SqlServer);
        var model = db.GetService<IDesignTimeModel>().Model;
        var edges = model.GetEntityTypes()
            .SelectMany(e => e.GetForeignKeys())
            .Where(fk => fk.DeleteBehavior is DeleteBehavior.Cascade or DeleteBehavior.SetNull)
            .Select(fk => (From: fk.PrincipalEntityType.GetTableName()!, To: fk.DeclaringEntityType.GetTableName()!))
            .ToList();
        var problems = new List<string>();
        foreach (var start in edges.Select(e => e.From).Distinct())
        {
            var paths = new Dictionary<string, int>();
            Walk(start, [start]);

            void Walk(string table, HashSet<string> seen)
            {
                foreach (var (_, to) in edges.Where(e => e.From == table))
                {
                    if (seen.Contains(to))
                    {
                        problems.Add($"cycle {start} -> {to}");
                        continue;
                    }
                    paths[to] = paths.GetValueOrDefault(to) + 1;
                    Walk(to, [.. seen, to]);
                }
            }
            problems.AddRange(paths.Where(p => p.Value > 1).Select(p => $"{p.Value} paths {start} -> {p.Key}"));
        }
        Assert.Empty(problems);
    }
}
