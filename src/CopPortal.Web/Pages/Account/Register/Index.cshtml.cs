using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.People;
using CopPortal.Web.Accounts;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Account.Register;

/// <summary>
/// Self-registration, only for holders of an allowed public-sector email address. Everyone else needs
/// an invitation from the network team. The page never reveals whether an address already has an account.
/// </summary>
[RateLimitPosts(RateLimitScope.Register)]
public class IndexModel(CopDbContext db, UserManager<PortalUser> users, IPasswordHasher<PortalUser> hasher, AccountEmails emails, TimeProvider clock, ILogger<IndexModel> logger) : PageModel
{
    public const string NotAllowedMessage = "You can only register with an NHS or public-sector email address. If you do not have one, ask the network team for an invitation";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>True after an address outside the allowed domains was refused: the page explains invitations.</summary>
    public bool NeedsInvitation { get; private set; }

    public sealed class InputModel
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect(PortalPaths.Profile) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var name = Input.DisplayName?.Trim();
        var email = EmailAddresses.Normalise(Input.Email);
        await this.ValidateInputAsync(Input);
        if (ModelState.GetFieldValidationState("Input.Email") != ModelValidationState.Invalid)
        {
            var domains = await db.AllowedEmailDomains.AsNoTracking().ToListAsync();
            if (!AllowedEmailDomain.AnyAllows(domains, email!))
            {
                NeedsInvitation = true;
                ModelState.AddModelError("Input.Email", NotAllowedMessage);
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The password is judged before looking the address up, so a weak password gets the same answer whether
        // or not the address has an account.
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            DisplayName = name!,
            CreatedAt = clock.GetUtcNow(),
        };
        var strength = await ValidatePasswordAsync(user, Input.Password!);
        if (!strength.Succeeded)
        {
            PasswordRules.AddErrors(ModelState, strength, "Input.Password", "Input.Email");
            return Page();
        }

        var existing = await users.FindByEmailAsync(email!);
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (existing is not null)
        {
            // Tell the owner, not the visitor, so the form cannot be used to find out who has an account.
            // Someone who registered but never confirmed gets a fresh confirmation link instead.
            if (existing.EmailConfirmed)
            {
                if (await emails.MaySendTriggeredAsync(AccountEmails.AlreadyRegisteredKind, existing))
                {
                    emails.QueueAlreadyRegistered(existing);
                }
            }
            else if (await emails.MaySendTriggeredAsync(AccountEmails.ConfirmEmailKind, existing))
            {
                emails.QueueConfirmation(existing, await users.GenerateEmailConfirmationTokenAsync(existing));
            }
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            // Creating an account hashes the password; do the same work here so the time does not tell either.
            hasher.HashPassword(existing, Input.Password!);
            return RedirectToCheckEmail(email!);
        }

        var result = await users.CreateAsync(user, Input.Password!);
        if (!result.Succeeded)
        {
            PasswordRules.AddErrors(ModelState, result, "Input.Password", "Input.Email");
            return Page();
        }
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        emails.QueueConfirmation(user, token);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} registered", user.Id);
        return RedirectToCheckEmail(email!);
    }

    private async Task<IdentityResult> ValidatePasswordAsync(PortalUser user, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors);
        }
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    private RedirectResult RedirectToCheckEmail(string email)
    {
        TempData["RegisteredEmail"] = email;
        return Redirect(PortalPaths.RegisterCheckYourEmail);
    }
}
