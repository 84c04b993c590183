using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.People;
using CopPortal.Web.Accounts;
using CopPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages.Account;

[Authorize]
public class ChangePasswordModel(CopDbContext db, UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AccountEmails emails, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await this.ValidateInputAsync(Input))
        {
            return Page();
        }
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var key = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword";
                PasswordRules.AddErrors(ModelState, IdentityResult.Failed(error), key);
            }
            return Page();
        }
        // Tell the owner, so a change they did not make does not go unnoticed.
        emails.QueuePasswordChanged(user, clock.GetUtcNow());
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await signIn.RefreshSignInAsync(user);
        TempData["Success"] = "Your password has been changed";
        return Redirect(PortalPaths.Profile);
    }
}
