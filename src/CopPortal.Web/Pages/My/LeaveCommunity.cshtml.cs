using CopPortal.Domain.Links;
using System.Security.Claims;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.My;

/// <summary>
/// A member leaves a community; a freed place goes to the first person on its waiting list.
/// Core-team roles are handed over through the network team, so only plain members can leave here.
/// </summary>
public class LeaveCommunityModel(CopDbContext db, JoinRequestService joining) : PageModel
{
    public Community Community { get; private set; } = default!;
    public CommunityRole Role { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug) => await LoadAsync(slug) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }
        if (Role != CommunityRole.Member)
        {
            return Page();
        }
        try
        {
            await joining.LeaveAsync(Community, UserId);
        }
        catch (JoinRequestException ex)
        {
            // Another tab or device left first.
            TempData["Notice"] = ex.Message;
            return Redirect(PortalPaths.My);
        }
        TempData["Success"] = $"You have left {Community.Name}";
        return Redirect(PortalPaths.My);
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<bool> LoadAsync(string slug)
    {
        var community = await db.Communities.FirstOrDefaultAsync(c => c.Slug == slug);
        if (community is null)
        {
            return false;
        }
        var userId = UserId;
        var membership = await db.Memberships.AsNoTracking().FirstOrDefaultAsync(m => m.CommunityId == community.Id && m.UserId == userId);
        if (membership is null)
        {
            return false;
        }
        Community = community;
        Role = membership.Role;
        return true;
    }
}
