using CopPortal.Domain.Auditing;
using CopPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CopPortal.Web.Tests.Security;

/// <summary>
/// The ForgetEqualityMonitoringAudit migration removes the audit entries earlier versions wrote for equality
/// monitoring responses, on the provider under test: a database is migrated to just before it, given entries as the
/// old code wrote them, then migrated on.
/// </summary>
public sealed class EqualityAuditCleanupMigrationTests : IDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("copportal-migration-").FullName;
    private readonly string? _postgres = PortalFactory.DefaultProvider() == DatabaseProvider.Postgres ? PostgresServer.Instance.CreateDatabase() : null;

    [Fact]
    public async Task Migration_removes_legacy_equality_audit_entries_and_keeps_the_rest()
    {
        var builder = new DbContextOptionsBuilder<CopDbContext>();
        builder.UseCopPortalDatabase(PortalFactory.DefaultProvider(), _postgres ?? DatabaseSetup.SqliteConnectionString(_directory));
        await using var db = new CopDbContext(builder.Options);
        var migrations = db.Database.GetMigrations().ToList();
        var cleanup = migrations.FindIndex(m => m.EndsWith("_ForgetEqualityMonitoringAudit", StringComparison.Ordinal));
        Assert.True(cleanup > 0, "The ForgetEqualityMonitoringAudit migration is missing");
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[cleanup - 1]);

        var at = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);
        db.AuditEntries.AddRange(
            new AuditEntry
            {
                OccurredAt = at, UserId = "applicant-id", UserName = "applicant@test.nhs.uk", Action = "Added",
                EntityType = "EqualityMonitoringResponse", EntityId = "1",
                Changes = """{"AgeBand":[null,"25 to 34"],"CommunityId":[null,2],"Religion":[null,"Jewish"],"Sex":[null,"Female"],"SexualOrientation":[null,"Bisexual"]}""",
            },
            new AuditEntry { OccurredAt = at, UserId = "applicant-id", UserName = "applicant@test.nhs.uk", Action = "Added", EntityType = "JoinRequest", EntityId = "1", Changes = "{}" });
        await db.SaveChangesAsync();
        Assert.Equal(2, await db.AuditEntries.CountAsync());

        await migrator.MigrateAsync();
        var left = await db.AuditEntries.AsNoTracking().ToListAsync();
        Assert.Equal("JoinRequest", Assert.Single(left).EntityType);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgres is not null)
        {
            PostgresServer.Instance.DropDatabase(_postgres);
        }
        System.IO.Directory.Delete(_directory, recursive: true);
    }
}
