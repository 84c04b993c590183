using CopPortal.Domain.Links;
using CopPortal.Domain.Meetings;
using CopPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages.Meetings;

/// <summary>
/// A guest's view of the one meeting they were invited to, reached only by the secret link in their email (no
/// account): the time, how to join, the venue, a calendar file, and attending or apologies. An unknown or revoked
/// link is a 404, so the page reveals nothing about which links exist.
/// </summary>
public class GuestModel(GuestService guests, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public MeetingGuest Guest { get; private set; } = default!;
    public Meeting Meeting => Guest.Meeting!;
    public string Token { get; private set; } = "";
    public bool CanRespond => !Meeting.IsCancelled && Meeting.StartsAt > clock.GetUtcNow();

    public sealed class InputModel
    {
        public RsvpAnswer? Answer { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        if (!await LoadAsync(token))
        {
            return NotFound();
        }
        Input.Answer = Guest.Answer;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (!await LoadAsync(token))
        {
            return NotFound();
        }
        if (!await this.ValidateInputAsync(Input))
        {
            return Page();
        }
        var result = await guests.RespondAsync(Guest, Input.Answer!.Value);
        switch (result)
        {
            case GuestResponseResult.Cancelled:
                ModelState.AddModelError("", "This meeting has been cancelled, so it is not taking answers");
                return Page();
            case GuestResponseResult.AlreadyStarted:
                ModelState.AddModelError("", "This meeting has already started, so it is not taking answers");
                return Page();
        }
        TempData["Success"] = Input.Answer == RsvpAnswer.Attending
            ? "Thank you. We have told the organisers you are coming."
            : "Thank you. We have told the organisers you cannot come.";
        return Redirect(PortalPaths.MeetingGuest(token));
    }

    private async Task<bool> LoadAsync(string token)
    {
        var guest = await guests.FindByTokenAsync(token);
        if (guest is null)
        {
            return false;
        }
        Guest = guest;
        Token = token;
        return true;
    }
}
