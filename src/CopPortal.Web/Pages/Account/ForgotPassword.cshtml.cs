using CopPortal.Domain.Data;
using CopPortal.Domain.People;
using CopPortal.Web.Accounts;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages.Account;

/// <summary>Always gives the same answer, so the form cannot be used to find out who has an account.</summary>
[RateLimitPosts(RateLimitScope.PasswordReset)]
public class ForgotPasswordModel(CopDbContext db, UserManager<PortalUser> users, AccountEmails emails, ILogger<ForgotPasswordModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public sealed class InputModel
    {
        public string? Email { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var email = EmailAddresses.Normalise(Input.Email);
        if (!await this.ValidateInputAsync(Input))
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(email!);
        if (user is not null && !await emails.MaySendTriggeredAsync(AccountEmails.PasswordResetKind, user))
        {
            logger.LogWarning("Password reset for user {UserId} not sent: {Max} already sent in the last {Window}", user.Id, AccountEmails.MaxTriggeredPerAddress, AccountEmails.TriggeredWindow);
        }
        else if (user is not null)
        {
            emails.QueuePasswordReset(user, await users.GeneratePasswordResetTokenAsync(user));
            await db.SaveChangesAsync();
            logger.LogInformation("Password reset requested for user {UserId}", user.Id);
        }
        Input.Email = email;
        Sent = true;
        return Page();
    }
}
