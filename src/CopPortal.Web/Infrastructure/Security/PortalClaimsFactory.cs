using System.Security.Claims;
using CopPortal.Domain.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CopPortal.Web.Infrastructure.Security;

/// <summary>Adds the person's display name to their sign-in cookie so the header can greet them without a query.</summary>
public sealed class PortalClaimsFactory(UserManager<PortalUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        return identity;
    }
}
