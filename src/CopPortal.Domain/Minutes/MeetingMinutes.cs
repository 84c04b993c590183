using CopPortal.Domain.Communities;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CopPortal.Domain.Minutes;

/// <summary>
/// One revision of a meeting's minutes. Revision 1 is drafted from the agenda; a correction to approved minutes
/// copies the latest revision into a new one (with a reason) and the old one is kept, read-only, for the record.
/// Workflow: Draft → Submitted → Approved (or Returned with comments, then Draft again) → Published.
/// </summary>
public class MeetingMinutes : ICommunityOwned
{
    public int Id { get; set; }
    public int CommunityId { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int Revision { get; set; } = 1;
    public MinutesStatus Status { get; set; } = MinutesStatus.Draft;

    /// <summary>Why this revision was made (null for the first).</summary>
    public string? CorrectionReason { get; set; }

    /// <summary>Who chaired the meeting, as recorded in the minutes' header (prefilled from the CoP's chairs who attended).</summary>
    public string? ChairedBy { get; set; }

    /// <summary>Anything not under an agenda item (any other business, next meeting). Markdown.</summary>
    public string? OtherNotes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedByName { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? ReturnedAt { get; set; }
    public string? ReturnedByName { get; set; }
    public string? ReturnComment { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovedById { get; set; }

    /// <summary>The approving chair's name as it was then (kept if the account is later closed).</summary>
    public string? ApprovedByName { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedById { get; set; }
    public DateTimeOffset? SharedWithCouncilAt { get; set; }

    /// <summary>When a later revision replaced this one (null for the latest).</summary>
    public DateTimeOffset? SupersededAt { get; set; }

    /// <summary>Optimistic concurrency: two people editing one draft never silently overwrite each other.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<MinutesItem> Items { get; set; } = [];

    string? ICommunityOwned.AuthorId => null;

    /// <summary>Drafts and returned minutes can be edited; submitted, approved and published ones cannot.</summary>
    public bool IsEditable => (Status is MinutesStatus.Draft or MinutesStatus.Returned) && SupersededAt is null;

    public const int TextMaxLength = 8000;
    public const int ReasonMaxLength = 2000;
}

public enum MinutesStatus
{
    Draft = 0,
    Submitted = 1,
    Returned = 2,
    Approved = 3,
    Published = 4,
}

/// <summary>The minutes of one agenda item: its title as on the agenda, the key points and the decisions.</summary>
public class MinutesItem
{
    public int Id { get; set; }
    public int MinutesId { get; set; }
    public int Position { get; set; }
    public string Title { get; set; } = "";
    public string? KeyPoints { get; set; }
    public string? Decisions { get; set; }
    public bool IsMattersArising { get; set; }
}

internal sealed class MeetingMinutesConfiguration : IEntityTypeConfiguration<MeetingMinutes>
{
    public void Configure(EntityTypeBuilder<MeetingMinutes> e)
    {
        e.ToTable("MeetingMinutes");
        e.Property(m => m.CorrectionReason).HasMaxLength(MeetingMinutes.ReasonMaxLength);
        e.Property(m => m.OtherNotes).HasMaxLength(MeetingMinutes.TextMaxLength);
        e.Property(m => m.UpdatedByName).HasMaxLength(200);
        e.Property(m => m.ChairedBy).HasMaxLength(200);
        e.Property(m => m.ReturnedByName).HasMaxLength(200);
        e.Property(m => m.ReturnComment).HasMaxLength(MeetingMinutes.ReasonMaxLength);
        e.Property(m => m.ApprovedByName).HasMaxLength(200);
        e.Property(m => m.ConcurrencyStamp).IsConcurrencyToken();
        e.HasIndex(m => new { m.MeetingId, m.Revision }).IsUnique();
        e.HasIndex(m => new { m.CommunityId, m.Status });
        e.HasIndex(m => m.SharedWithCouncilAt);
        e.HasOne<Community>().WithMany().HasForeignKey(m => m.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(m => m.Meeting).WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.CreatedById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.ApprovedById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.PublishedById).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(m => m.Items).WithOne().HasForeignKey(i => i.MinutesId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MinutesItemConfiguration : IEntityTypeConfiguration<MinutesItem>
{
    public void Configure(EntityTypeBuilder<MinutesItem> e)
    {
        e.Property(i => i.Title).HasMaxLength(AgendaItem.TitleMaxLength);
        e.Property(i => i.KeyPoints).HasMaxLength(MeetingMinutes.TextMaxLength);
        e.Property(i => i.Decisions).HasMaxLength(MeetingMinutes.TextMaxLength);
        e.HasIndex(i => new { i.MinutesId, i.Position });
    }
}
