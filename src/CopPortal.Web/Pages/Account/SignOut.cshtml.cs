using CopPortal.Domain.Links;
using CopPortal.Domain.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages.Account;

/// <summary>Sign-out is a POST (with antiforgery) so a link on another site cannot sign someone out.</summary>
public class SignOutModel(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, ILogger<SignOutModel> logger) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp makes every copy of the sign-in cookie worthless at once (it is checked on each
        // request), not just the one this browser deletes. It signs the person out on their other devices too.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            logger.LogInformation("User {UserId} signed out", user.Id);
        }
        await signIn.SignOutAsync();
        return Redirect(PortalPaths.SignOut);
    }
}
