using System.Security.Claims;
using CopPortal.Domain.Auditing;

namespace CopPortal.Web.Infrastructure.Security;

/// <summary>The signed-in user as the actor for audit entries; background work is recorded as "system".</summary>
public sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? UserName => accessor.HttpContext?.User.Identity?.IsAuthenticated == true
        ? accessor.HttpContext.User.Identity.Name
        : accessor.HttpContext is null ? "system" : "anonymous";
}
