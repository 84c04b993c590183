using System.Security.Claims;
using CopPortal.Domain.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CopPortal.Web.Infrastructure.Security;

/// <summary>
/// Refuses a sign-in cookie on every request once its account's security stamp has changed (sign-out, password
/// change or reset), so a copied cookie stops working the moment its owner signs out. It reads one column of one
/// row by primary key; Identity's own validator (which also reloads roles and re-issues the cookie) still runs
/// only once a minute. Setting Identity's interval to zero instead would cost a user load, a role query and a
/// new cookie on every signed-in request.
/// </summary>
public static class SecurityStampCheck
{
    public static void Install(CookieAuthenticationEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var identityCheck = events.OnValidatePrincipal;
        events.OnValidatePrincipal = async context =>
        {
            if (!await IsCurrentAsync(context))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            await identityCheck(context);
        };
    }

    private static async Task<bool> IsCurrentAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return false;
        }
        var services = context.HttpContext.RequestServices;
        var claimType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        // An ordinary query, not EF.CompileAsyncQuery: a compiled query is bound to one model, and one process can
        // hold portals on different providers (the tests do); EF's query cache makes this nearly as cheap.
        var stamp = await services.GetRequiredService<CopDbContext>().Users
            .Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync();
        return stamp is not null && string.Equals(stamp, principal!.FindFirstValue(claimType), StringComparison.Ordinal);
    }
}
