using CopPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Infrastructure.Database;

/// <summary>
/// Keeps the request's database connection open from its first query to the end of the request. EF Core
/// otherwise opens and closes it around every query, and a community page runs five or six (a pooled open and
/// close each time was a twentieth of the minutes page's processor time). The connection closes when the
/// request's context is disposed; no transaction or lock is held between queries.
/// </summary>
public static class RequestConnection
{
    public static async Task KeepOpenAsync(CopDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
    }
}
