using CopPortal.Domain.Data;
using CopPortal.Domain.People;
using CopPortal.Web.Accounts;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages.Account;

/// <summary>Sends a fresh confirmation link. The answer is the same whether or not the address has an account.</summary>
[RateLimitPosts(RateLimitScope.ResendConfirmation)]
public class ResendConfirmationModel(CopDbContext db, UserManager<PortalUser> users, AccountEmails emails) : PageModel
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
        if (user is { EmailConfirmed: false } && await emails.MaySendTriggeredAsync(AccountEmails.ConfirmEmailKind, user))
        {
            emails.QueueConfirmation(user, await users.GenerateEmailConfirmationTokenAsync(user));
            await db.SaveChangesAsync();
        }
        Input.Email = email;
        Sent = true;
        return Page();
    }
}
