using System.Security.Claims;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Infrastructure.Communities;

/// <summary>A CoP found by slug, with the signed-in user's role in it, for the community pages.</summary>
public sealed record CommunityContext(Community Community, CommunityRole? Role, bool IsStaff)
{
    public bool CanSeeMemberContent => CommunityAuthorizationHandler.Allows(nameof(CommunityOperations.ViewMemberContent), Role, IsStaff);
    public bool CanEditTerms => CommunityAuthorizationHandler.Allows(nameof(CommunityOperations.EditTerms), Role, IsStaff);
    public bool CanManage => CommunityAuthorizationHandler.Allows(nameof(CommunityOperations.ManageCommunity), Role, IsStaff);

    /// <summary>Drafts are seen only by staff and their core team; everyone else gets a 404.</summary>
    public bool IsVisible => Community.Status != CommunityStatus.Draft || IsStaff || Role is not null;

    /// <summary>
    /// Loads the CoP (untracked unless asked) and the user's membership role, or null for an unknown slug.
    /// Uses the same permission matrix as the resource-based handler, without a second lookup.
    /// </summary>
    public static async Task<CommunityContext?> LoadAsync(CopDbContext db, string slug, ClaimsPrincipal user, bool track = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var query = track ? db.Communities : db.Communities.AsNoTracking();
        var community = await query.FirstOrDefaultAsync(c => c.Slug == slug);
        if (community is null)
        {
            return null;
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        CommunityRole? role = userId is null
            ? null
            : await db.Memberships.Where(m => m.CommunityId == community.Id && m.UserId == userId).Select(m => (CommunityRole?)m.Role).FirstOrDefaultAsync();
        return new CommunityContext(community, role, user.IsInRole(NetworkRoles.NetworkStaff));
    }
}
