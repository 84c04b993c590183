using CopPortal.Domain.Links;
using System.Security.Claims;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.My;

/// <summary>Confirm, then withdraw, one of your own open join requests. Other people's requests are 404.</summary>
public class WithdrawRequestModel(CopDbContext db, JoinRequestService joining) : PageModel
{
    public JoinRequest JoinRequest { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        return JoinRequest.IsOpen ? Page() : Redirect(PortalPaths.My);
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        try
        {
            await joining.WithdrawAsync(JoinRequest, UserId);
            TempData["Success"] = $"You have withdrawn your request to join {JoinRequest.Community!.Name}";
        }
        catch (JoinRequestException ex)
        {
            TempData["Notice"] = ex.Message;
        }
        return Redirect(PortalPaths.My);
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<bool> LoadAsync(int id)
    {
        var userId = UserId;
        var request = await db.JoinRequests.Include(r => r.Community).FirstOrDefaultAsync(r => r.Id == id && r.ApplicantId == userId);
        JoinRequest = request!;
        return request is not null;
    }
}
