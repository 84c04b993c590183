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

    private static readonly CompiledQuery<Func<CopDbContext, string, Task<string?>>> s_stampOf = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, string userId) => db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefault()));

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
        // Compiled once per provider: every signed-in request runs it.
        var db = services.GetRequiredService<CopDbContext>();
        // A signed-in request goes on to query the database: open its connection once for all of them.
        await CopPortal.Web.Infrastructure.Database.RequestConnection.KeepOpenAsync(db, context.HttpContext.RequestAborted);
        var stamp = await s_stampOf.For(db)(db, userId);
        return stamp is not null && string.Equals(stamp, principal!.FindFirstValue(claimType), StringComparison.Ordinal);
    }
}
