using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.People;
using CopPortal.Web.Accounts;
using CopPortal.Web.Infrastructure;
using CopPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages.Account;

/// <summary>
/// The link from a staff invitation: creates an account for the invited address (already proven by the
/// link, so confirmed) and uses the invitation up. Used, expired and revoked links get a clear page.
/// </summary>
public class InvitationModel(CopDbContext db, UserManager<PortalUser> users, SignInManager<PortalUser> signIn, InvitationService invitations, TimeProvider clock, PortalOptions portal, ILogger<InvitationModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Email { get; private set; } = "";
    public InvitationState? State { get; private set; }
    public string? Problem { get; private set; }
    public string ProblemHeading { get; private set; } = "";
    public string NetworkName => portal.NetworkName;

    public sealed class InputModel
    {
        public string? DisplayName { get; set; }
        public string? Password { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        var invitation = await FindOpenAsync(token);
        if (invitation is null)
        {
            return Page();
        }
        if (await users.FindByEmailAsync(invitation.Email) is not null)
        {
            return AlreadyRegistered();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var invitation = await FindOpenAsync(token);
        if (invitation is null)
        {
            return Page();
        }
        if (await users.FindByEmailAsync(invitation.Email) is not null)
        {
            return AlreadyRegistered();
        }
        var name = Input.DisplayName?.Trim();
        await this.ValidateInputAsync(Input);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new PortalUser
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,
            DisplayName = name!,
            CreatedAt = clock.GetUtcNow(),
            InvitationId = invitation.Id,
        };
        var result = await users.CreateAsync(user, Input.Password!);
        if (!result.Succeeded)
        {
            PasswordRules.AddErrors(ModelState, result, "Input.Password");
            return Page();
        }
        invitations.MarkUsed(invitation, user.Id);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} registered from invitation {InvitationId}", user.Id, invitation.Id);

        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Success"] = "Your account has been created. Add your profession and region so community leads can check you can join";
        return Redirect(PortalPaths.Profile);
    }

    private async Task<Invitation?> FindOpenAsync(string token)
    {
        var invitation = await invitations.FindByTokenAsync(token);
        if (invitation is null)
        {
            Refuse(StatusCodes.Status404NotFound, "This invitation link is not valid", "Check you copied the whole link from the email. If it still does not work, the network team may have sent you a newer link: use the link in the most recent email.");
            return null;
        }
        State = invitation.StateAt(clock.GetUtcNow());
        switch (State)
        {
            case InvitationState.Used:
                Refuse(StatusCodes.Status410Gone, "This invitation has already been used", "Each invitation link can only be used once, to create one account.");
                return null;
            case InvitationState.Expired:
                Refuse(StatusCodes.Status410Gone, "This invitation has expired", $"Invitation links work for {InvitationService.DefaultLifetime.Days} days. Ask the network team to send you a new one.");
                return null;
            case InvitationState.Revoked:
                Refuse(StatusCodes.Status410Gone, "This invitation has been withdrawn", "The network team has withdrawn this invitation. If you think this is a mistake, ask them to send you a new one.");
                return null;
            default:
                Email = invitation.Email;
                return invitation;
        }
    }

    private PageResult AlreadyRegistered()
    {
        State = InvitationState.Used;
        Refuse(StatusCodes.Status409Conflict, "You already have an account", "An account with this email address already exists, so you do not need this invitation.");
        return Page();
    }

    private void Refuse(int status, string heading, string detail)
    {
        Response.StatusCode = status;
        ProblemHeading = heading;
        Problem = detail;
    }
}
