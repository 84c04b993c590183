using System.Text;
using CopPortal.Domain.Links;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.Messaging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages.Meetings;

/// <summary>The guest's meeting as an .ics file, by the same secret link; unknown, revoked or cancelled is a 404.</summary>
public class GuestCalendarModel(GuestService guests, IPortalSite site, MeetingOrganiser organiser, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token)
    {
        var guest = await guests.FindByTokenAsync(token);
        if (guest?.Meeting is not { IsCancelled: false } meeting)
        {
            return NotFound();
        }
        // The same calendar builder as members' files (stable UID, SEQUENCE, VTIMEZONE); the URL is the guest's own page.
        var link = site.Url(PortalPaths.MeetingGuest(token));
        var text = MeetingCalendar.Published([meeting], m => m.Community!.Name, organiser, _ => link, includeJoinUrl: true, clock.GetUtcNow());
        return File(Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", "meeting.ics");
    }
}
