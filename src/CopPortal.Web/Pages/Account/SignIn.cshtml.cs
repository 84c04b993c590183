using CopPortal.Domain.People;
using CopPortal.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages.Account;

public class SignInModel(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool NeedsConfirmation { get; private set; }

    public sealed class InputModel
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", "Enter your email address");
        }
        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Enter your password");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(EmailAddresses.Normalise(Input.Email)!);
        if (user is null)
        {
            ModelState.AddModelError("Input.Email", "Email address or password is not correct");
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("User {UserId} locked out", user.Id);
            ModelState.AddModelError("Input.Email", "Your account is locked for 15 minutes because of too many attempts to sign in. Try again later or reset your password");
            return Page();
        }
        if (result.IsNotAllowed && !user.EmailConfirmed)
        {
            NeedsConfirmation = true;
            ModelState.AddModelError("Input.Email", "Confirm your email address before you sign in");
            return Page();
        }
        ModelState.AddModelError("Input.Email", "Email address or password is not correct");
        return Page();
    }
}
