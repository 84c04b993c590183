using CopPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Communities;

/// <summary>Adds and removes people, keeping the community's member count in step.</summary>
public class MembershipService(CopDbContext db, TimeProvider clock)
{
    /// <summary>Adds the person, or changes their role if they already belong. Returns the membership.</summary>
    public async Task<CommunityMembership> AddOrSetRoleAsync(Community community, string userId, CommunityRole role, int? joinRequestId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(community);
        var existing = community.Id == 0
            ? null
            : await db.Memberships.FirstOrDefaultAsync(m => m.CommunityId == community.Id && m.UserId == userId, cancellationToken);
        if (existing is not null)
        {
            existing.Role = role;
            return existing;
        }

        var membership = new CommunityMembership
        {
            Community = community,
            UserId = userId,
            Role = role,
            JoinedAt = clock.GetUtcNow(),
            JoinRequestId = joinRequestId,
        };
        db.Memberships.Add(membership);
        community.MemberCount++;
        return membership;
    }

    public async Task<bool> RemoveAsync(Community community, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(community);
        var existing = await db.Memberships.FirstOrDefaultAsync(m => m.CommunityId == community.Id && m.UserId == userId, cancellationToken);
        if (existing is null)
        {
            return false;
        }
        db.Memberships.Remove(existing);
        community.MemberCount = Math.Max(0, community.MemberCount - 1);
        return true;
    }
}
