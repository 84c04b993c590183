using System.Security.Claims;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Infrastructure.Security;

/// <summary>What someone may do inside a CoP. Which roles allow each is decided in one place below.</summary>
public static class CommunityOperations
{
    /// <summary>The CoP's public pages (summary, Terms of Reference): anyone, signed in or not. Drafts are hidden by the community area itself.</summary>
    public static readonly OperationAuthorizationRequirement ViewCommunity = new() { Name = nameof(ViewCommunity) };

    /// <summary>Ask to join, answer monitoring, offer to fill a vacancy: anyone signed in.</summary>
    public static readonly OperationAuthorizationRequirement JoinCommunity = new() { Name = nameof(JoinCommunity) };

    /// <summary>Members-only content: joining links, minutes, documents, forum, member list.</summary>
    public static readonly OperationAuthorizationRequirement ViewMemberContent = new() { Name = nameof(ViewMemberContent) };

    /// <summary>Edit the Terms of Reference and eligibility: chairs, co-chairs and staff.</summary>
    public static readonly OperationAuthorizationRequirement EditTerms = new() { Name = nameof(EditTerms) };

    /// <summary>Prepare agendas, draft minutes, post documents, moderate the forum: the core team and staff.</summary>
    public static readonly OperationAuthorizationRequirement RunCommunity = new() { Name = nameof(RunCommunity) };

    /// <summary>Approve minutes and submit Triple-A reports: chairs and co-chairs.</summary>
    public static readonly OperationAuthorizationRequirement ChairCommunity = new() { Name = nameof(ChairCommunity) };

    /// <summary>Create, archive, assign roles, add or remove members: network staff only.</summary>
    public static readonly OperationAuthorizationRequirement ManageCommunity = new() { Name = nameof(ManageCommunity) };

    /// <summary>
    /// Change or delete one item in a CoP (a post, a document): its author while still a member, and the core team
    /// and staff, who moderate. Authorised against the item (<see cref="ICommunityOwned"/>), not the CoP.
    /// </summary>
    public static readonly OperationAuthorizationRequirement EditItem = new() { Name = nameof(EditItem) };

    /// <summary>Submit a Triple-A report to the Workforce Council: the chair, co-chair or secretary (not staff, who do not speak for the CoP).</summary>
    public static readonly OperationAuthorizationRequirement SubmitReport = new() { Name = nameof(SubmitReport) };

    public static IReadOnlyDictionary<string, OperationAuthorizationRequirement> All { get; } =
        new[] { ViewCommunity, JoinCommunity, ViewMemberContent, EditTerms, RunCommunity, ChairCommunity, ManageCommunity, EditItem, SubmitReport }
            .ToDictionary(o => o.Name, StringComparer.Ordinal);

    /// <summary>Operations that only read. Everything else changes the CoP, so an archived CoP refuses it.</summary>
    public static bool OnlyReads(string operation) =>
        operation is nameof(ViewCommunity) or nameof(ViewMemberContent);
}

public static class Policies
{
    public const string NetworkStaff = "NetworkStaff";
    public const string CouncilOrStaff = "CouncilOrStaff";
}

/// <summary>
/// The signed-in user's role in a CoP, read from the membership table at most once per CoP per request, so the
/// community area and the handler share one lookup. Scoped: never cached across requests.
/// </summary>
public sealed class CommunityRoleLookup(CopDbContext db)
{
    private readonly Dictionary<(int CommunityId, string UserId), CommunityRole?> _roles = [];

    public async Task<CommunityRole?> RoleAsync(int communityId, string? userId)
    {
        if (userId is null)
        {
            return null;
        }
        if (!_roles.TryGetValue((communityId, userId), out var role))
        {
            role = await db.Memberships.AsNoTracking()
                .Where(m => m.CommunityId == communityId && m.UserId == userId)
                .Select(m => (CommunityRole?)m.Role)
                .FirstOrDefaultAsync();
            _roles[(communityId, userId)] = role;
        }
        return role;
    }

    /// <summary>A role read with something else in the same query (the community seam reads it with the CoP).</summary>
    public void Remember(int communityId, string userId, CommunityRole? role) => _roles[(communityId, userId)] = role;
}

/// <summary>
/// The one resource-based handler: a user's role in the CoP (from the membership table) and their network role
/// decide each operation, for a <see cref="Community"/> or for one <see cref="ICommunityOwned"/> item in it.
/// Checked per request, never cached across requests.
/// </summary>
public sealed class CommunityAuthorizationHandler(CommunityRoleLookup roles) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (communityId, authorId) = context.Resource switch
        {
            Community c => (c.Id, (string?)null),
            ICommunityOwned item => (item.CommunityId, item.AuthorId),
            _ => (0, null),
        };
        if (communityId == 0)
        {
            return;
        }
        var signedIn = context.User.Identity?.IsAuthenticated == true;
        var userId = signedIn ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var isStaff = signedIn && context.User.IsInRole(NetworkRoles.NetworkStaff);
        var role = await roles.RoleAsync(communityId, userId);
        var isAuthor = userId is not null && authorId is not null && string.Equals(authorId, userId, StringComparison.Ordinal);
        foreach (var requirement in context.PendingRequirements.OfType<OperationAuthorizationRequirement>().ToList())
        {
            if (Allows(requirement.Name, role, isStaff, signedIn: userId is not null, isAuthor))
            {
                context.Succeed(requirement);
            }
        }
    }

    /// <summary>
    /// The permission matrix, public so it can be tested and documented as a table. Anonymous is
    /// (role null, not staff, not signed in); authorship counts only for item operations.
    /// </summary>
    public static bool Allows(string operation, CommunityRole? role, bool isStaff, bool signedIn = true, bool isAuthor = false) => operation switch
    {
        nameof(CommunityOperations.ViewCommunity) => true,
        nameof(CommunityOperations.JoinCommunity) => signedIn,
        nameof(CommunityOperations.ViewMemberContent) => isStaff || role is not null,
        nameof(CommunityOperations.EditTerms) => isStaff || role is CommunityRole.Chair or CommunityRole.CoChair,
        nameof(CommunityOperations.RunCommunity) => isStaff || CommunityRoles.IsCoreTeam(role),
        nameof(CommunityOperations.ChairCommunity) => role is CommunityRole.Chair or CommunityRole.CoChair,
        nameof(CommunityOperations.ManageCommunity) => isStaff,
        nameof(CommunityOperations.SubmitReport) => CommunityRoles.IsCoreTeam(role),
        // An author who has left the CoP no longer edits what they wrote there; moderators always can.
        nameof(CommunityOperations.EditItem) => isStaff || CommunityRoles.IsCoreTeam(role) || (isAuthor && role is not null),
        _ => false,
    };
}
