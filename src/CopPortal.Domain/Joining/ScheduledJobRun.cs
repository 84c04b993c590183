namespace CopPortal.Domain.Joining;

/// <summary>The last day a scheduled job ran, so a job due once a day or week runs once however often it is polled.</summary>
public class ScheduledJobRun
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public DateOnly LastRunOn { get; set; }
}
