using CopPortal.Domain.Communities;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CopPortal.Domain.Actions;

/// <summary>
/// An action agreed at a meeting and recorded in its minutes: who does what by when. Open actions flow into the
/// next agenda's matters arising until they are done or dropped.
/// </summary>
public class CommunityAction : ICommunityOwned
{
    public int Id { get; set; }
    public int CommunityId { get; set; }

    /// <summary>The meeting whose minutes created it (null for an action added on the actions page).</summary>
    public int? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    public string Description { get; set; } = "";

    /// <summary>The owner when a member; otherwise only <see cref="OwnerName"/> (a named person outside the portal).</summary>
    public string? OwnerUserId { get; set; }
    public PortalUser? OwnerUser { get; set; }
    public string OwnerName { get; set; } = "";

    public DateOnly? DueOn { get; set; }
    public ActionStatus Status { get; set; } = ActionStatus.Open;
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>When the owner was reminded that it is nearly due (once).</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
    public List<ActionUpdate> Updates { get; set; } = [];

    string? ICommunityOwned.AuthorId => OwnerUserId;

    public bool IsOverdueOn(DateOnly today) => Status == ActionStatus.Open && DueOn is { } due && due < today;

    public const int DescriptionMaxLength = 2000;
}

public enum ActionStatus
{
    Open = 0,
    Done = 1,
    Dropped = 2,
}

/// <summary>One change of an action's status, with the note its owner or the core team gave.</summary>
public class ActionUpdate
{
    public int Id { get; set; }
    public int ActionId { get; set; }
    public ActionStatus Status { get; set; }
    public string? Note { get; set; }
    public string? ById { get; set; }
    public string ByName { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

internal sealed class CommunityActionConfiguration : IEntityTypeConfiguration<CommunityAction>
{
    public void Configure(EntityTypeBuilder<CommunityAction> e)
    {
        e.Property(a => a.Description).HasMaxLength(CommunityAction.DescriptionMaxLength);
        e.Property(a => a.OwnerName).HasMaxLength(200);
        e.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
        e.HasIndex(a => new { a.CommunityId, a.Status, a.DueOn });
        e.HasIndex(a => new { a.OwnerUserId, a.Status, a.DueOn });
        e.HasIndex(a => new { a.Status, a.DueOn });
        e.HasIndex(a => a.MeetingId);
        e.HasOne<Community>().WithMany().HasForeignKey(a => a.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(a => a.Meeting).WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(a => a.OwnerUser).WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.CreatedById).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(a => a.Updates).WithOne().HasForeignKey(u => u.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActionUpdateConfiguration : IEntityTypeConfiguration<ActionUpdate>
{
    public void Configure(EntityTypeBuilder<ActionUpdate> e)
    {
        e.Property(u => u.Note).HasMaxLength(2000);
        e.Property(u => u.ByName).HasMaxLength(200);
        e.HasIndex(u => new { u.ActionId, u.At });
        e.HasOne<PortalUser>().WithMany().HasForeignKey(u => u.ById).OnDelete(DeleteBehavior.Restrict);
    }
}
