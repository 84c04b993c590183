using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CopPortal.TestSupport;

/// <summary>Counts how often the portal opens a database connection, for tests that check a request opens it once.</summary>
public sealed class ConnectionOpenCounter : DbConnectionInterceptor
{
    private int _count;

    public int Count => _count;

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ConnectionOpeningAsync(connection, eventData, result, cancellationToken);
    }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Interlocked.Increment(ref _count);
        return base.ConnectionOpening(connection, eventData, result);
    }
}
