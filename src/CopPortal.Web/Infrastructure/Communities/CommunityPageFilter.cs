using CopPortal.Domain.Links;
using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Claims;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Infrastructure.Communities;

/// <summary>
/// The community area's one gate, for every <see cref="CommunityPageModel"/>:
/// unknown slug → 404; a draft seen by anyone but staff and its core team → 404 (never 403, so a draft does not
/// exist for them); the declared operation authorised by <see cref="CommunityAuthorizationHandler"/> → sign-in
/// for anonymous users, access denied (403 page) for signed-in users without the right; an archived CoP is
/// read-only: any POST or changing operation is sent back to the CoP's page with a notice that says so.
/// A child object from another CoP (<see cref="CommunityPageModel.LoadChildAsync{T}(IQueryable{T}, int)"/>) → 404.
/// </summary>
public sealed class CommunityPageFilter(CopDbContext db, CommunityRoleLookup roles, IAuthorizationService authz) : IAsyncPageFilter
{
    public const string ReadOnlyNotice = "is archived, so it is read-only: nothing in it can be changed. Network staff can reopen it.";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.HandlerInstance is not CommunityPageModel page)
        {
            await next();
            return;
        }
        if (await GateAsync(context, page) is { } refused)
        {
            context.Result = refused;
            return;
        }
        var executed = await next();
        if (executed.Exception is CommunityChildNotFoundException && !executed.ExceptionHandled)
        {
            executed.Result = new NotFoundResult();
            executed.ExceptionHandled = true;
        }
    }

    private sealed record CommunityAndRole(Community Community, CommunityRole? Role, long ContentVersion);

    private static readonly CompiledQuery<Func<CopDbContext, string, string, Task<CommunityAndRole?>>> s_communityAndRole = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, string slug, string userId) => db.Communities.AsNoTracking()
            .Where(c => c.Slug == slug)
            .Select(c => new CommunityAndRole(c, db.Memberships.Where(m => m.CommunityId == c.Id && m.UserId == userId).Select(m => (CommunityRole?)m.Role).FirstOrDefault(),
                db.ContentVersions.Where(v => v.Id == CopPortal.Domain.Caching.ContentVersion.RowId).Select(v => v.Value).FirstOrDefault()))
            .FirstOrDefault()));

    // Read by reflection once per page and handler: reading the attributes on every request was a fiftieth of a
    // community page's processor time.
    private static readonly ConcurrentDictionary<(Type Page, MethodInfo? Handler), string> s_declared = new();

    /// <summary>The operation a page declares; a handler's own declaration wins over its page's.</summary>
    public static string DeclaredOperation(Type pageModel, MethodInfo? handler)
    {
        ArgumentNullException.ThrowIfNull(pageModel);
        return s_declared.GetOrAdd((pageModel, handler), static key => ReadDeclaredOperation(key.Page, key.Handler));
    }

    private static string ReadDeclaredOperation(Type pageModel, MethodInfo? handler)
    {
        var declared = handler?.GetCustomAttribute<CommunityOperationAttribute>() ?? pageModel.GetCustomAttribute<CommunityOperationAttribute>()
            ?? throw new InvalidOperationException($"{pageModel.Name} is a community page but declares no [CommunityOperation]");
        return CommunityOperations.All.ContainsKey(declared.Operation)
            ? declared.Operation
            : throw new InvalidOperationException($"{pageModel.Name} declares an unknown community operation '{declared.Operation}'");
    }

    private async Task<IActionResult?> GateAsync(PageHandlerExecutingContext context, CommunityPageModel page)
    {
        var operation = DeclaredOperation(page.GetType(), context.HandlerMethod?.MethodInfo);
        if (context.RouteData.Values["slug"] is not string slug)
        {
            throw new InvalidOperationException($"{page.GetType().Name} is a community page but its route has no {{slug}}");
        }
        var user = context.HttpContext.User;
        var signedIn = user.Identity?.IsAuthenticated == true;
        var userId = signedIn ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        // The CoP and the user's role in it in one round trip: every community page pays for this, and goes on to
        // query more, so its connection stays open for the request.
        await CopPortal.Web.Infrastructure.Database.RequestConnection.KeepOpenAsync(db, context.HttpContext.RequestAborted);
        var found = await s_communityAndRole.For(db)(db, slug, userId ?? "");
        if (found is null)
        {
            return new NotFoundResult();
        }
        var (community, role) = (found.Community, userId is null ? null : found.Role);
        // Read with the CoP so the page's kept data (ContentCache) costs no further query.
        db.KnowContentVersion(found.ContentVersion);
        if (userId is not null)
        {
            roles.Remember(community.Id, userId, role);
        }
        var isStaff = signedIn && user.IsInRole(NetworkRoles.NetworkStaff);
        if (community.Status == CommunityStatus.Draft && !isStaff && !CommunityRoles.IsCoreTeam(role))
        {
            return new NotFoundResult();
        }
        page.Community = community;
        page.Role = role;
        page.IsStaff = isStaff;

        if (!(await authz.AuthorizeAsync(user, community, CommunityOperations.All[operation])).Succeeded)
        {
            return signedIn ? new ForbidResult() : new ChallengeResult();
        }
        var method = context.HttpContext.Request.Method;
        var changes = !CommunityOperations.OnlyReads(operation) || (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method));
        if (community.Status == CommunityStatus.Archived && changes)
        {
            page.TempData["Notice"] = $"{community.Name} {ReadOnlyNotice}";
            return new RedirectResult(PortalPaths.Community(community.Slug));
        }
        return null;
    }
}
