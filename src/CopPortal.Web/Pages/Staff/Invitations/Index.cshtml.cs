using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.People;
using CopPortal.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff.Invitations;

public class IndexModel(CopDbContext db, InvitationService invitations, AccountEmails emails, UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    private const int PageSize = 25;

    public sealed record Row(Invitation Invitation, InvitationState State, string InvitedBy);

    public List<Row> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = default!;

    [BindProperty(SupportsGet = true)]
    public InvitationState? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public static string Label(InvitationState state) => state switch
    {
        InvitationState.Open => "Open",
        InvitationState.Used => "Used",
        InvitationState.Expired => "Expired",
        InvitationState.Revoked => "Withdrawn",
        _ => state.ToString(),
    };

    public static string TagClass(InvitationState state) => state switch
    {
        InvitationState.Open => "nhsuk-tag--blue",
        InvitationState.Used => "nhsuk-tag--green",
        InvitationState.Expired => "nhsuk-tag--grey",
        _ => "nhsuk-tag--red",
    };

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        var query = db.Invitations.AsNoTracking();
        query = State switch
        {
            InvitationState.Open => query.Where(i => i.RevokedAt == null && i.UsedAt == null && i.ExpiresAt > now),
            InvitationState.Used => query.Where(i => i.RevokedAt == null && i.UsedAt != null),
            InvitationState.Expired => query.Where(i => i.RevokedAt == null && i.UsedAt == null && i.ExpiresAt <= now),
            InvitationState.Revoked => query.Where(i => i.RevokedAt != null),
            _ => query,
        };
        Pager = new Pager(PageNumber, PageSize, await query.CountAsync(), PortalPaths.StaffInvitations, new Dictionary<string, string?> { ["state"] = State?.ToString() });
        var page = await query.OrderByDescending(i => i.CreatedAt).Skip(Pager.Skip).Take(PageSize)
            .Select(i => new { Invitation = i, InvitedBy = i.InvitedBy!.DisplayName })
            .ToListAsync();
        Rows = page.Select(p => new Row(p.Invitation, p.Invitation.StateAt(now), p.InvitedBy)).ToList();
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == id);
        if (invitation is null)
        {
            return NotFound();
        }
        if (invitation.StateAt(clock.GetUtcNow()) is InvitationState.Used or InvitationState.Revoked)
        {
            TempData["Notice"] = $"The invitation to {invitation.Email} was not resent because it has already been used or withdrawn";
            return Redirect(PortalPaths.StaffInvitations);
        }
        var token = invitations.Resend(invitation);
        emails.QueueInvitation(invitation, token, await InviterNameAsync());
        await db.SaveChangesAsync();
        TempData["Success"] = $"A new invitation link has been sent to {invitation.Email}. The old link no longer works";
        return Redirect(PortalPaths.StaffInvitations);
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == id);
        if (invitation is null)
        {
            return NotFound();
        }
        if (invitations.Revoke(invitation))
        {
            await db.SaveChangesAsync();
            TempData["Success"] = $"The invitation to {invitation.Email} has been withdrawn. Its link no longer works";
        }
        else
        {
            TempData["Notice"] = $"The invitation to {invitation.Email} was not open, so there was nothing to withdraw";
        }
        return Redirect(PortalPaths.StaffInvitations);
    }

    private async Task<string> InviterNameAsync() => (await users.GetUserAsync(User))?.DisplayName ?? "The network team";
}
