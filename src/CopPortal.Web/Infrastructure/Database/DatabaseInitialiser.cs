using CopPortal.Domain.Data;
using CopPortal.Domain.People;
using Microsoft.AspNetCore.Identity;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Infrastructure.Database;

/// <summary>At start-up: apply migrations, make sure reference data exists, and load demo data on request.</summary>
public static class DatabaseInitialiser
{
    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, bool loadDemoData)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<CopDbContext>();
        // Several instances may start together on one database: one at a time migrates and seeds.
        await using (await StartupLock.AcquireAsync(db))
        {
            await db.Database.MigrateAsync();
            await ReferenceData.EnsureAsync(db, provider.GetRequiredService<RoleManager<IdentityRole>>(), provider.GetRequiredService<TimeProvider>());
            await KeyProtection.ImportKeyFilesAsync(db, Path.Combine(provider.GetRequiredService<PortalOptions>().DataDirectory, "keys"));
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
}
