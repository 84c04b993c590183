using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.Messaging;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>One meeting as an .ics file (METHOD:PUBLISH) for members to add to their calendar; it carries the joining link.</summary>
[CommunityOperation(nameof(CommunityOperations.ViewMemberContent))]
public class IcsModel(CopDbContext db, IPortalSite site, MeetingOrganiser organiser, TimeProvider clock) : CommunityPageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var meeting = await LoadChildAsync(db.Meetings.AsNoTracking(), id);
        var text = MeetingCalendar.Published([meeting], _ => Community.Name, organiser,
            m => site.Url(PortalPaths.Meeting(Community.Slug, m.Id)), includeJoinUrl: true, clock.GetUtcNow());
        // Members only, with the joining link: never kept by a shared cache.
        Response.Headers.CacheControl = "private, no-store";
        return File(System.Text.Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", $"meeting-{meeting.Id}.ics");
    }
}
