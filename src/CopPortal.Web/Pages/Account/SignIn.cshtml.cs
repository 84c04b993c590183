using CopPortal.Domain.People;
using CopPortal.Web.Accounts;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages.Account;

/// <summary>
/// Sign-in answers a wrong password and an unknown address with the same words in about the same time (an
/// unknown address is checked against a dummy hash), and says an account is unconfirmed or locked only to
/// someone who gave its password, so the form cannot be used to find out who has an account.
/// </summary>
[RateLimitPosts(RateLimitScope.SignIn)]
public class SignInModel(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, IPasswordHasher<PortalUser> hasher, SignInGuard guard, ILogger<SignInModel> logger) : PageModel
{
    public const string NotCorrectMessage = "Email address or password is not correct";
    public const string PausedMessage = "You have tried to sign in too many times. Wait 15 minutes and try again, or reset your password";
    public const string LockedMessage = "Your account is locked. Try again later or reset your password";

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
        if (!await this.ValidateInputAsync(Input))
        {
            return Page();
        }

        var email = EmailAddresses.Normalise(Input.Email)!;
        var normalised = users.NormalizeEmail(email);
        var client = ClientAddress.Of(HttpContext);
        var user = await users.FindByEmailAsync(email);
        if (guard.IsPaused(normalised, client, user?.SecurityStamp))
        {
            return Refuse(PausedMessage);
        }

        var correct = user?.PasswordHash is null
            ? guard.VerifyAgainstDummyHash(hasher, Input.Password!)
            : await users.CheckPasswordAsync(user, Input.Password!);
        if (!correct)
        {
            // Neither the password nor the address typed: an account's id when there is one.
            logger.LogWarning("Sign-in failed: wrong password for {Account}", user?.Id ?? "(no account with that address)");
            if (guard.RecordFailure(normalised, client, user?.SecurityStamp))
            {
                logger.LogWarning("Sign-in paused for {Pause} after repeated wrong passwords from {Client}", guard.Pause, client);
                return Refuse(PausedMessage);
            }
            return Refuse(NotCorrectMessage);
        }

        // From here the person has shown they know the password, so the account's state can be told.
        guard.RecordSuccess(normalised, client);
        if (!await signIn.CanSignInAsync(user!))
        {
            NeedsConfirmation = !user!.EmailConfirmed;
            return Refuse(NeedsConfirmation ? "Confirm your email address before you sign in" : NotCorrectMessage);
        }
        if (await users.IsLockedOutAsync(user!))
        {
            logger.LogWarning("User {UserId} is locked out", user!.Id);
            return Refuse(LockedMessage);
        }
        await signIn.SignInAsync(user!, isPersistent: false);
        logger.LogInformation("User {UserId} signed in", user!.Id);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError("Input.Email", message);
        return Page();
    }
}
