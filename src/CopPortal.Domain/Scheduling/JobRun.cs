namespace CopPortal.Domain.Scheduling;

/// <summary>
/// One period of one scheduled job (e.g. the digest for Monday 7 December). The key (job, period) is unique, so
/// however many instances share the database, only the one whose conditional update takes the lease runs it.
/// </summary>
public class JobRun
{
    public string JobName { get; set; } = "";

    /// <summary>The London date the run is for, "yyyy-MM-dd".</summary>
    public string PeriodKey { get; set; } = "";

    /// <summary>The instance running it now or last (see PortalInstance).</summary>
    public string? Owner { get; set; }

    /// <summary>No other instance may take the run over before this time; null until first claimed.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>Set when the job finished; the period is then done for every instance.</summary>
    public DateTimeOffset? CompletedAt { get; set; }
    public string? LastError { get; set; }
}
