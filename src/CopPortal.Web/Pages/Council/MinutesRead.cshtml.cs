using CopPortal.Domain.Data;
using CopPortal.Domain.Minutes;
using CopPortal.Web.Infrastructure;
using CopPortal.Web.Pages.Communities.Meetings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Council;

/// <summary>One set of shared minutes for the council; anything not shared (or no longer published) is a 404.</summary>
public class MinutesReadModel(CopDbContext db, MinutesService service, PortalOptions portal) : PageModel
{
    public MinutesView View { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var minutes = await db.MeetingMinutes.AsNoTracking()
            .FirstOrDefaultAsync(m => m.Id == id && m.SharedWithCouncilAt != null && m.Status == MinutesStatus.Published);
        if (minutes is null)
        {
            return NotFound();
        }
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Community).FirstAsync(m => m.Id == minutes.MeetingId);
        View = await MinutesView.LoadAsync(db, service, portal.NetworkName, meeting.Community!.Name, meeting, minutes);
        return Page();
    }
}
