using CopPortal.Domain.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CopPortal.Web.Infrastructure.Database;

/// <summary>
/// The ready check: healthy only when the database answers a query and takes a write. A database that reads
/// but cannot write (read-only after a failover, a full disk, a lock someone never released) would otherwise
/// look healthy while every form failed.
/// </summary>
public sealed class DatabaseHealthCheck(CopDbContext db) : IHealthCheck
{
    /// <summary>A probe must answer quickly; a write that waits longer than this on a lock counts as failing.</summary>
    public static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Communities.AnyAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database did not answer.", ex);
        }
        try
        {
            // A real write to one row, rolled back: it takes the write lock and is checked for read-only
            // like any other change, but leaves nothing behind and goes round the audit trail (raw SQL).
            db.Database.SetCommandTimeout(WriteTimeout);
            await db.Database.OpenConnectionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            // SQLite: a deferred BEGIN, so the wait for the write lock falls on the UPDATE, which has the short timeout.
            await using var transaction = connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: true)
                : await connection.BeginTransactionAsync(cancellationToken);
            await db.Database.UseTransactionAsync(transaction, cancellationToken);
            await db.Database.ExecuteSqlRawAsync(
                // MIN rather than LIMIT/TOP: the same SQL on SQLite, PostgreSQL and SQL Server.
                """UPDATE "AspNetRoles" SET "ConcurrencyStamp" = "ConcurrencyStamp" WHERE "Id" = (SELECT MIN("Id") FROM "AspNetRoles")""",
                cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database answered but did not take a write.", ex);
        }
        finally
        {
            await db.Database.UseTransactionAsync(null, CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }
}
