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
}

public static class Policies
{
    public const string NetworkStaff = "NetworkStaff";
    public const string CouncilOrStaff = "CouncilOrStaff";
}

/// <summary>
/// The one resource-based handler: a user's role in the CoP (from the membership table) and their
/// network role decide each operation. Checked per request, never cached across requests.
/// </summary>
public sealed class CommunityAuthorizationHandler(CopDbContext db) : AuthorizationHandler<OperationAuthorizationRequirement, Community>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Community resource)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return;
        }

        var isStaff = context.User.IsInRole(NetworkRoles.NetworkStaff);
        CommunityRole? role = await db.Memberships
            .Where(m => m.CommunityId == resource.Id && m.UserId == userId)
            .Select(m => (CommunityRole?)m.Role)
            .FirstOrDefaultAsync();

        if (Allows(requirement.Name, role, isStaff))
        {
            context.Succeed(requirement);
        }
    }

    /// <summary>The permission matrix, public so it can be tested and documented as a table.</summary>
    public static bool Allows(string operation, CommunityRole? role, bool isStaff) => operation switch
    {
        nameof(CommunityOperations.ViewMemberContent) => isStaff || role is not null,
        nameof(CommunityOperations.EditTerms) => isStaff || role is CommunityRole.Chair or CommunityRole.CoChair,
        nameof(CommunityOperations.RunCommunity) => isStaff || role is CommunityRole.Chair or CommunityRole.CoChair or CommunityRole.Secretary,
        nameof(CommunityOperations.ChairCommunity) => role is CommunityRole.Chair or CommunityRole.CoChair,
        nameof(CommunityOperations.ManageCommunity) => isStaff,
        _ => false,
    };
}
