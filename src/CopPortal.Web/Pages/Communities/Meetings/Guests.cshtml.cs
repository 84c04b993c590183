using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>
/// The guests of one meeting: the core team invites a named guest (a presenter, an expert by experience) by email,
/// sees who has answered, and revokes a guest's link.
/// </summary>
[CommunityOperation(nameof(CommunityOperations.RunCommunity))]
public class GuestsModel(CopDbContext db, GuestService guests, UserManager<PortalUser> users, TimeProvider clock) : CommunityPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Meeting Meeting { get; private set; } = default!;
    public List<MeetingGuest> Guests { get; private set; } = [];

    /// <summary>Guests are invited only to a meeting still to come and not cancelled.</summary>
    public bool CanInvite => !Meeting.IsCancelled && Meeting.StartsAt > clock.GetUtcNow();

    public sealed class InputModel
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? Role { get; set; }
        public string? Organisation { get; set; }
    }

    public async Task OnGetAsync(int meetingId) => await LoadAsync(meetingId);

    public async Task<IActionResult> OnPostAsync(int meetingId)
    {
        await LoadAsync(meetingId);
        if (!CanInvite)
        {
            ModelState.AddModelError("", Meeting.IsCancelled
                ? "This meeting has been cancelled, so you cannot invite guests to it"
                : "This meeting has already started, so you cannot invite guests to it");
            return Page();
        }
        if (!await this.ValidateInputAsync(Input))
        {
            return Page();
        }
        var email = Input.Email!.Trim().ToLowerInvariant();
        if (Guests.Any(g => g.RevokedAt is null && string.Equals(g.Email, email, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError("Input.Email", $"{email} is already invited to this meeting");
            return Page();
        }
        await guests.InviteAsync(Meeting, Input.Name!, email, Input.Role, Input.Organisation, users.GetUserId(User)!);
        await db.SaveChangesAsync();
        TempData["Success"] = $"We have emailed {Input.Name!.Trim()} an invitation to this meeting.";
        return Redirect(PortalPaths.MeetingGuests(Community.Slug, meetingId));
    }

    public async Task<IActionResult> OnPostRevokeAsync(int meetingId, int guestId)
    {
        await LoadAsync(meetingId);
        var guest = await db.MeetingGuests.FirstOrDefaultAsync(g => g.Id == guestId && g.MeetingId == Meeting.Id);
        if (guest is null)
        {
            return NotFound();
        }
        if (guest.RevokedAt is null)
        {
            guests.Revoke(guest);
            await db.SaveChangesAsync();
        }
        TempData["Success"] = $"{guest.Name}'s invitation has been revoked. Their link no longer works.";
        return Redirect(PortalPaths.MeetingGuests(Community.Slug, meetingId));
    }

    private async Task LoadAsync(int meetingId)
    {
        Meeting = await LoadChildAsync(db.Meetings.AsNoTracking(), meetingId);
        Meeting.Community = Community;
        Guests = await db.MeetingGuests.AsNoTracking()
            .Where(g => g.MeetingId == meetingId)
            .OrderBy(g => g.RevokedAt != null).ThenBy(g => g.Name)
            .ToListAsync();
    }
}
