namespace CopPortal.Domain.Auditing;

/// <summary>One state change: who did what to which entity, when, and the values before and after.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }

    /// <summary>Added, Modified or Deleted, or a domain action such as "join-request.approve".</summary>
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string? EntityId { get; set; }

    /// <summary>JSON of changed properties: {"Status": ["Pending", "Approved"]}.</summary>
    public string? Changes { get; set; }
}

/// <summary>Who is acting in this unit of work; the web app supplies the signed-in user.</summary>
public interface ICurrentActor
{
    string? UserId { get; }
    string? UserName { get; }
}

public sealed class SystemActor : ICurrentActor
{
    public static SystemActor Instance { get; } = new();
    public string? UserId => null;
    public string? UserName => "system";
}
