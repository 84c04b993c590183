using CopPortal.Domain.Links;
using CopPortal.Domain.People;
using CopPortal.Domain.Privacy;
using CopPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages.Account;

/// <summary>
/// The person closes their own account (UK GDPR erasure). The password confirms it is them, not someone at an
/// unlocked computer; wrong guesses count towards the usual sign-in lockout.
/// </summary>
[Authorize]
public class CloseAccountModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AccountClosure closure) : PageModel
{
    public const string WrongPassword = "The password is not right";
    public const string LockedOut = "You have entered the wrong password too many times. Try again in 15 minutes";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? Password { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null || user.ClosedAt is not null)
        {
            // Closed already (a second click, or the first request won the race): finish as the first did.
            return await FinishAsync();
        }
        if (!await this.ValidateInputAsync(Input))
        {
            return Page();
        }
        var check = await signIn.CheckPasswordSignInAsync(user, Input.Password!, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            ModelState.AddModelError("Input.Password", check.IsLockedOut ? LockedOut : WrongPassword);
            return Page();
        }
        try
        {
            await closure.CloseAsync(user.Id, reason: null, cancellationToken);
        }
        catch (AccountClosureException ex)
        {
            ModelState.AddModelError("", ex.Message);
            return Page();
        }
        return await FinishAsync();
    }

    private async Task<IActionResult> FinishAsync()
    {
        await signIn.SignOutAsync();
        return Redirect(PortalPaths.AccountClosed);
    }
}
