namespace CopPortal.Web.Infrastructure;

/// <summary>
/// This running process, as named in outbox leases and job runs: several instances share one database, and each
/// records only the outcome of work it claimed. Unique per start, readable in the database ("host/pid/random").
/// </summary>
public sealed record PortalInstance(string Id)
{
    public static PortalInstance ForThisProcess() =>
        new($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}");
}
