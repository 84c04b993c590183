using CopPortal.Domain.Links;
using CopPortal.Domain.People;
using CopPortal.Web.Accounts;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages.Account;

/// <summary>
/// Sets a new password from an emailed link. The link also proves the person reads that mailbox, so an
/// unconfirmed address becomes confirmed, and a lockout from forgotten-password attempts is lifted.
/// </summary>
[RateLimitPosts(RateLimitScope.PasswordReset)]
public class ResetPasswordModel(UserManager<PortalUser> users, ILogger<ResetPasswordModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool LinkValid { get; private set; } = true;

    public sealed class InputModel
    {
        public string? Password { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var (user, token) = await FindAsync();
        LinkValid = user is not null && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<PortalUser>.ResetPasswordTokenPurpose, token!);
        if (!LinkValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (user, token) = await FindAsync();
        if (user is null)
        {
            LinkValid = false;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (!await this.ValidateInputAsync(Input))
        {
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, token!, Input.Password!);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                LinkValid = false;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
            PasswordRules.AddErrors(ModelState, result, "Input.Password");
            return Page();
        }
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        logger.LogInformation("User {UserId} reset their password", user.Id);
        TempData["Success"] = "Your password has been changed. Sign in with your new password";
        return Redirect(PortalPaths.SignIn);
    }

    private async Task<(PortalUser? User, string? Token)> FindAsync()
    {
        var token = PortalLinks.DecodeToken(Code);
        if (token is null || string.IsNullOrEmpty(UserId))
        {
            return (null, null);
        }
        return (await users.FindByIdAsync(UserId), token);
    }
}
