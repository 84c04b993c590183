using CopPortal.Domain.Links;
using CopPortal.Domain.Meetings;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages.My;

/// <summary>
/// The person's calendar feed: create the secret address, see and copy it, reset it (the old one stops working) or
/// turn it off. Each change is saved at once and audited. Signed-in people only (the /My folder's convention).
/// </summary>
public class CalendarModel(CalendarFeeds feeds, UserManager<CopPortal.Domain.People.PortalUser> users) : PageModel
{
    /// <summary>The absolute feed address, or null if the person has none.</summary>
    public string? FeedUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var userId = users.GetUserId(User);
        if (userId is null)
        {
            return Challenge();
        }
        FeedUrl = await feeds.CurrentUrlAsync(userId);
        return Page();
    }

    /// <summary>Creates the address, or replaces it with a new one.</summary>
    public async Task<IActionResult> OnPostCreateAsync()
    {
        var userId = users.GetUserId(User);
        if (userId is null)
        {
            return Challenge();
        }
        var had = await feeds.CurrentUrlAsync(userId) is not null;
        await feeds.CreateOrResetAsync(userId);
        TempData["Success"] = had
            ? "Your calendar address has been reset. The old address no longer works: subscribe again with the new one."
            : "Your calendar address has been created. Copy it into your calendar app.";
        return Redirect(PortalPaths.MyCalendar);
    }

    public async Task<IActionResult> OnPostStopAsync()
    {
        var userId = users.GetUserId(User);
        if (userId is null)
        {
            return Challenge();
        }
        if (await feeds.StopAsync(userId))
        {
            TempData["Success"] = "Your calendar address has been turned off. Calendars subscribed to it stop updating.";
        }
        return Redirect(PortalPaths.MyCalendar);
    }
}
