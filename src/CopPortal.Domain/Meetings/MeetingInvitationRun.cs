using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CopPortal.Domain.Meetings;

/// <summary>
/// One durable work item "send this meeting's invitation (or update, or cancellation) to every member", written in
/// the same SaveChanges as the meeting change. A CoP can have 15,000 members, so the request writes only this row;
/// <see cref="MeetingInvitationFanOut"/> expands it into one outbox message per member in the background, batch by
/// batch, moving <see cref="LastMembershipId"/> forward in the same transaction as each batch's messages.
/// </summary>
public class MeetingInvitationRun
{
    public long Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public MeetingInvitationKind Kind { get; set; }

    /// <summary>The meeting's SEQUENCE when queued; an invitation or update overtaken by a later change is not sent.</summary>
    public int Sequence { get; set; }

    /// <summary>
    /// Members at the time (membership ids up to this one). Anyone who joins later is invited when they join
    /// (MeetingInvitations.InviteNewMemberAsync), so nobody gets the same invitation twice.
    /// </summary>
    public int UpToMembershipId { get; set; }

    /// <summary>The cursor: every member with a membership id up to this one has had their message queued.</summary>
    public int LastMembershipId { get; set; }

    /// <summary>How many messages this run has queued so far.</summary>
    public int Queued { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The lease, set by a conditional update like the outbox's: of several instances only one expands a run at a time.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
    public string? LockedBy { get; set; }
}

public enum MeetingInvitationKind
{
    Invitation = 0,
    Update = 1,
    Cancellation = 2,
}

internal sealed class MeetingInvitationRunConfiguration : IEntityTypeConfiguration<MeetingInvitationRun>
{
    public void Configure(EntityTypeBuilder<MeetingInvitationRun> e)
    {
        e.Property(r => r.LockedBy).HasMaxLength(200);
        // The worker looks for unfinished runs.
        e.HasIndex(r => new { r.CompletedAt, r.Id });
        e.HasIndex(r => r.MeetingId);
        e.HasOne(r => r.Meeting).WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
