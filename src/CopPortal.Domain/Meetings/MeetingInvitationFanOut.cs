using CopPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Meetings;

/// <summary>
/// Expands queued <see cref="MeetingInvitationRun"/>s into one outbox message per member, in the background.
///
/// Safe with several instances, and each member gets a run's message exactly once: a run is claimed with one
/// conditional update (the outbox's lease pattern), and each batch's messages are saved in the same transaction as
/// the update that moves the run's cursor past them, which only matches while this instance still holds the lease
/// and the cursor is where it read it. If that update matches nothing (the lease ran out and another instance took
/// over), the batch is rolled back and this instance stops. A crash loses nothing: the next holder carries on from
/// the cursor.
/// </summary>
public sealed class MeetingInvitationFanOut(CopDbContext db, MeetingInvitations invitations, TimeProvider clock)
{
    /// <summary>Members per transaction: big enough to be quick, small enough to keep each commit short.</summary>
    public const int DefaultBatchSize = 500;

    /// <summary>How long a claim lasts without progress; each batch renews it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Expands every unfinished, unclaimed run to the end. Returns how many messages this call queued.</summary>
    public async Task<int> ExpandDueAsync(string owner, int batchSize = DefaultBatchSize, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var now = clock.GetUtcNow();
        var due = await db.MeetingInvitationRuns.AsNoTracking()
            .Where(r => r.CompletedAt == null && (r.LockedUntil == null || r.LockedUntil <= now))
            .OrderBy(r => r.Id)
            .Select(r => r.Id)
            .Take(50)
            .ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var id in due)
        {
            if (await ClaimAsync(id, owner, cancellationToken))
            {
                queued += await ExpandClaimedAsync(id, owner, batchSize, cancellationToken);
            }
        }
        return queued;
    }

    /// <summary>How many runs are still to finish (for the operations page and tests).</summary>
    public Task<int> PendingCountAsync(CancellationToken cancellationToken = default) =>
        db.MeetingInvitationRuns.CountAsync(r => r.CompletedAt == null, cancellationToken);

    private async Task<bool> ClaimAsync(long id, string owner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + Lease;
        return await db.MeetingInvitationRuns
            .Where(r => r.Id == id && r.CompletedAt == null && (r.LockedUntil == null || r.LockedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LockedBy, owner).SetProperty(r => r.LockedUntil, until), cancellationToken) == 1;
    }

    /// <summary>Batch after batch until the run is done or the lease is lost. Returns the messages queued.</summary>
    private async Task<int> ExpandClaimedAsync(long id, string owner, int batchSize, CancellationToken cancellationToken)
    {
        var queued = 0;
        while (true)
        {
            var (count, more) = await ExpandBatchAsync(id, owner, batchSize, cancellationToken);
            queued += count;
            if (!more)
            {
                return queued;
            }
        }
    }

    private async Task<(int Count, bool More)> ExpandBatchAsync(long id, string owner, int batchSize, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var run = await db.MeetingInvitationRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.LockedBy == owner && r.CompletedAt == null, cancellationToken);
            if (run is null)
            {
                return (0, false);
            }
            var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == run.MeetingId, cancellationToken);
            // An invitation or update overtaken by a later change is not sent: the later run reaches everyone with
            // the newer SEQUENCE (and a cancellation tells even those this one had not reached yet).
            var overtaken = meeting is null
                || (run.Kind != MeetingInvitationKind.Cancellation && (meeting.IsCancelled || meeting.CalendarSequence != run.Sequence));
            var queued = 0;
            var read = 0;
            var cursor = run.LastMembershipId;
            if (!overtaken)
            {
                var community = await db.Communities.AsNoTracking().Where(c => c.Id == meeting!.CommunityId)
                    .Select(c => new MeetingInvitations.CommunityNames(c.Name, c.Slug)).SingleAsync(cancellationToken);
                var rows = await db.Memberships.AsNoTracking()
                    .Where(m => m.CommunityId == meeting!.CommunityId && m.Id > run.LastMembershipId && m.Id <= run.UpToMembershipId)
                    .OrderBy(m => m.Id)
                    .Take(batchSize)
                    .Select(m => new { m.Id, m.UserId, Email = m.User!.Email, m.User.DisplayName, m.User.ClosedAt })
                    .ToListAsync(cancellationToken);
                foreach (var row in rows)
                {
                    // Closed accounts have no address; the cursor still moves past them.
                    if (row.ClosedAt is null && row.Email is not null)
                    {
                        invitations.EnqueueForMember(meeting!, community, run.Kind, new MeetingInvitations.Recipient(row.UserId, row.Email, row.DisplayName));
                        queued++;
                    }
                    cursor = row.Id;
                    read++;
                }
                await db.SaveChangesAsync(cancellationToken);
            }
            var done = overtaken || read < batchSize;
            var now = clock.GetUtcNow();
            DateTimeOffset? completedAt = done ? now : null;
            DateTimeOffset? lockedUntil = done ? null : now + Lease;
            string? lockedBy = done ? null : owner;
            var moved = await db.MeetingInvitationRuns
                .Where(r => r.Id == id && r.LockedBy == owner && r.LastMembershipId == run.LastMembershipId && r.CompletedAt == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.LastMembershipId, cursor)
                    .SetProperty(r => r.Queued, r => r.Queued + queued)
                    .SetProperty(r => r.CompletedAt, completedAt)
                    .SetProperty(r => r.LockedUntil, lockedUntil)
                    .SetProperty(r => r.LockedBy, lockedBy), cancellationToken);
            if (moved != 1)
            {
                // Another instance holds the run now: this batch is theirs to send, so none of it is kept.
                await transaction.RollbackAsync(cancellationToken);
                return (0, false);
            }
            await transaction.CommitAsync(cancellationToken);
            return (queued, !done);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
