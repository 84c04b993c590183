using CopPortal.Domain.Links;
using CopPortal.Domain.People;
using CopPortal.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages.Account;

/// <summary>Follows the link from the confirmation email. Confirming twice is harmless and shows the same success.</summary>
public class ConfirmEmailModel(UserManager<PortalUser> users, ILogger<ConfirmEmailModel> logger) : PageModel
{
    /// <summary>A new account's first sign-in leads to its profile, which then goes on to the person's home page.</summary>
    public static string AfterSignIn => PortalPaths.WelcomeProfile;

    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? code)
    {
        var token = PortalLinks.DecodeToken(code);
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is not null && token is not null)
        {
            if (user.EmailConfirmed)
            {
                Confirmed = true;
            }
            else
            {
                var result = await users.ConfirmEmailAsync(user, token);
                Confirmed = result.Succeeded;
                if (Confirmed)
                {
                    logger.LogInformation("User {UserId} confirmed their email address", user.Id);
                }
            }
        }
        if (!Confirmed)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
