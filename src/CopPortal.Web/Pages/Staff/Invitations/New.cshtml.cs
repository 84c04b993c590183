using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.People;
using CopPortal.Web.Accounts;
using CopPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff.Invitations;

public class NewModel(CopDbContext db, InvitationService invitations, AccountEmails emails, UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? Email { get; set; }
        public string? Note { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var email = EmailAddresses.Normalise(Input.Email);
        await this.ValidateInputAsync(Input);
        var emailUsable = ModelState.GetFieldValidationState("Input.Email") != ModelValidationState.Invalid;
        if (emailUsable && await users.FindByEmailAsync(email!) is not null)
        {
            ModelState.AddModelError("Input.Email", "Someone already has an account with this email address");
        }
        else if (emailUsable)
        {
            var now = clock.GetUtcNow();
            var lowered = email!.ToLowerInvariant();
            // Lower-cased comparison in the query keeps it provider-neutral (PostgreSQL is case-sensitive).
            if (await db.Invitations.AnyAsync(i => i.Email.ToLower() == lowered && i.UsedAt == null && i.RevokedAt == null && i.ExpiresAt > now))
            {
                ModelState.AddModelError("Input.Email", "There is already an open invitation for this email address. Resend it from the list of invitations instead");
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var inviter = await users.GetUserAsync(User);
        if (inviter is null)
        {
            return Challenge();
        }
        var (invitation, token) = invitations.Create(email!, Input.Note, inviter.Id);
        emails.QueueInvitation(invitation, token, inviter.DisplayName);
        await db.SaveChangesAsync();
        TempData["Success"] = $"Invitation sent to {invitation.Email}";
        return Redirect(PortalPaths.StaffInvitations);
    }
}
