using CopPortal.Domain.Links;
using System.Security.Claims;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using CopPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.My;

/// <summary>The applicant answers the network team's question; the request goes back to the queue.</summary>
public class RespondToRequestModel(CopDbContext db, JoinRequestService joining) : PageModel
{
    public const int MaxLength = 4000;

    [BindProperty]
    public ResponseInput Input { get; set; } = new();

    public JoinRequest JoinRequest { get; private set; } = default!;

    public sealed class ResponseInput
    {
        public string? Answer { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (JoinRequest.Status != JoinRequestStatus.InformationRequested)
        {
            return Page();
        }
        if (!await this.ValidateInputAsync(Input))
        {
            return Page();
        }
        try
        {
            await joining.RespondAsync(JoinRequest, User.FindFirstValue(ClaimTypes.NameIdentifier)!, Input.Answer!);
            TempData["Success"] = $"Thank you. Your answer has been sent to the network team with your request to join {JoinRequest.Community!.Name}";
        }
        catch (JoinRequestException ex)
        {
            TempData["Notice"] = ex.Message;
        }
        return Redirect(PortalPaths.My);
    }

    private async Task<bool> LoadAsync(int id)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var request = await db.JoinRequests.Include(r => r.Community).FirstOrDefaultAsync(r => r.Id == id && r.ApplicantId == userId);
        JoinRequest = request!;
        return request is not null;
    }
}
