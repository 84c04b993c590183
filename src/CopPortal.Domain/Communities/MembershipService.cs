using CopPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Communities;

/// <summary>
/// Adds and removes people, keeping the community's member count in step.
/// Safe under concurrency: every change to a saved community's members runs inside a transaction that first
/// locks the community's row, and the stored count moves by an atomic UPDATE in the database rather than by
/// writing back a number read earlier (which lost updates when approvals raced). The capacity check is part
/// of that UPDATE, so two approvals can never both take the last place.
/// </summary>
public class MembershipService(CopDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Locks the community's row until the transaction ends, so decisions about its places are taken one at a
    /// time (PostgreSQL waits on the row lock; SQLite transactions already hold the write lock from their start).
    /// </summary>
    public async Task LockAsync(Community community, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(community);
        if (!IsUnsaved(community))
        {
            await LockAsync(community.Id, cancellationToken);
        }
    }

    public async Task LockAsync(int communityId, CancellationToken cancellationToken = default)
    {
        RequireTransaction();
        await db.Communities.Where(c => c.Id == communityId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.MemberCount, c => c.MemberCount), cancellationToken);
    }

    /// <summary>
    /// Adds the person, or changes their role if they already belong, whatever the capacity: the network team
    /// choosing a core team is not a request for a place. Returns the membership.
    /// </summary>
    public async Task<CommunityMembership> AddOrSetRoleAsync(Community community, string userId, CommunityRole role, int? joinRequestId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(community);
        await LockAsync(community, cancellationToken);
        var existing = await FindAsync(community, userId, cancellationToken);
        if (existing is not null)
        {
            existing.Role = role;
            return existing;
        }
        await ChangeCountAsync(community, +1, withinCapacity: false, cancellationToken);
        return Add(community, userId, role, joinRequestId);
    }

    /// <summary>
    /// Takes a place as a member if one is free, or returns null when the community is full. The place is
    /// claimed in the database at once, so a concurrent approval sees it taken.
    /// </summary>
    public async Task<CommunityMembership?> TryAddMemberAsync(Community community, string userId, int? joinRequestId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(community);
        await LockAsync(community, cancellationToken);
        var existing = await FindAsync(community, userId, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }
        if (!await ChangeCountAsync(community, +1, withinCapacity: true, cancellationToken))
        {
            return null;
        }
        return Add(community, userId, CommunityRole.Member, joinRequestId);
    }

    public async Task<bool> RemoveAsync(Community community, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(community);
        // Locked before the look-up, so two removals of the same person cannot both find and count them.
        await LockAsync(community, cancellationToken);
        var existing = await FindAsync(community, userId, cancellationToken);
        if (existing is null)
        {
            return false;
        }
        db.Memberships.Remove(existing);
        await ChangeCountAsync(community, -1, withinCapacity: false, cancellationToken);
        return true;
    }

    private CommunityMembership Add(Community community, string userId, CommunityRole role, int? joinRequestId)
    {
        var membership = new CommunityMembership
        {
            Community = community,
            UserId = userId,
            Role = role,
            JoinedAt = clock.GetUtcNow(),
            JoinRequestId = joinRequestId,
        };
        db.Memberships.Add(membership);
        return membership;
    }

    private async Task<CommunityMembership?> FindAsync(Community community, string userId, CancellationToken cancellationToken)
    {
        if (IsUnsaved(community))
        {
            return community.Memberships.FirstOrDefault(m => m.UserId == userId)
                ?? db.Memberships.Local.FirstOrDefault(m => m.Community == community && m.UserId == userId);
        }
        // A removal already made in this unit of work hides the row the database still has.
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.CommunityId == community.Id && m.UserId == userId, cancellationToken);
        return membership is not null && db.Entry(membership).State == EntityState.Deleted ? null : membership;
    }

    /// <summary>
    /// Moves the stored count by <paramref name="delta"/> in one UPDATE (within the capacity if asked), then
    /// copies the stored value to the tracked community without marking it changed, so a later SaveChanges
    /// never writes back a count this context read earlier. The membership rows themselves are audited.
    /// </summary>
    private async Task<bool> ChangeCountAsync(Community community, int delta, bool withinCapacity, CancellationToken cancellationToken)
    {
        if (IsUnsaved(community))
        {
            // Nobody else can see a community that is not saved yet.
            if (withinCapacity && community.Capacity is int capacity && community.MemberCount + delta > capacity)
            {
                return false;
            }
            community.MemberCount = Math.Max(0, community.MemberCount + delta);
            return true;
        }
        RequireTransaction();
        var row = db.Communities.Where(c => c.Id == community.Id);
        if (withinCapacity)
        {
            row = row.Where(c => c.Capacity == null || c.MemberCount + delta <= c.Capacity);
        }
        if (delta < 0)
        {
            row = row.Where(c => c.MemberCount + delta >= 0);
        }
        var changed = await row.ExecuteUpdateAsync(s => s.SetProperty(c => c.MemberCount, c => c.MemberCount + delta), cancellationToken) == 1;
        var stored = await db.Communities.Where(c => c.Id == community.Id).Select(c => c.MemberCount).SingleAsync(cancellationToken);
        var entry = db.Entry(community);
        if (entry.State != EntityState.Detached)
        {
            var property = entry.Property(c => c.MemberCount);
            property.CurrentValue = stored;
            property.OriginalValue = stored;
            property.IsModified = false;
        }
        else
        {
            community.MemberCount = stored;
        }
        return changed;
    }

    private bool IsUnsaved(Community community) =>
        community.Id == 0 || db.Entry(community).State == EntityState.Added;

    private void RequireTransaction()
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Changing a community's members needs a transaction (CopDbContext.InTransactionAsync), so the count and the rows are committed together.");
        }
    }
}
