using CopPortal.Domain.Data;
using CopPortal.Domain.Minutes;
using CopPortal.Web.Infrastructure;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>One revision of the minutes, read-only: a corrected set keeps the earlier ones viewable (members: published ones).</summary>
[CommunityOperation(nameof(CommunityOperations.ViewMemberContent))]
public class MinutesRevisionModel(CopDbContext db, MinutesService service, PortalOptions portal) : MinutesPageBase(db, service, portal)
{
    public async Task<IActionResult> OnGetAsync(int id, int revision)
    {
        await LoadAsync(id);
        var shown = VisibleRevisions.FirstOrDefault(r => r.Revision == revision);
        if (shown is null)
        {
            return NotFound();
        }
        await ShowAsync(shown);
        return Page();
    }
}
