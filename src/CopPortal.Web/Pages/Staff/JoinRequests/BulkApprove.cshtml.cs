using CopPortal.Domain.Links;
using System.Security.Claims;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff.JoinRequests;

/// <summary>
/// Approve, after confirmation, every pending request whose criteria are all Met. The POST acts only on
/// the requests listed on the confirmation page, and only those still pending and all-Met by then.
/// </summary>
public class BulkApproveModel(CopDbContext db, JoinRequestService joining) : PageModel
{
    [FromQuery(Name = "community")]
    public int? CommunityId { get; set; }

    [BindProperty]
    public List<int> Ids { get; set; } = [];

    public List<Row> Requests { get; private set; } = [];

    public sealed record Row(int Id, string Applicant, string Community, DateTimeOffset SubmittedAt, bool WillWait);

    public async Task OnGetAsync()
    {
        var rows = await IndexModel.BulkApprovableQuery(db, CommunityId)
            .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)
            .Select(r => new { r.Id, Applicant = r.Applicant!.DisplayName, Community = r.Community!.Name, r.CommunityId, r.SubmittedAt, r.Community.Capacity, r.Community.MemberCount })
            .ToListAsync();
        // Mirror the approval order so the page can say who will go to a waiting list instead.
        var placesLeft = rows.GroupBy(r => r.CommunityId).ToDictionary(g => g.Key, g => g.First().Capacity is int cap ? cap - g.First().MemberCount : int.MaxValue);
        Requests = rows.Select(r => new Row(r.Id, r.Applicant, r.Community, r.SubmittedAt, placesLeft[r.CommunityId]-- <= 0)).ToList();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Ids.Count == 0)
        {
            TempData["Notice"] = "There were no requests to approve.";
            return Redirect(PortalPaths.StaffJoinRequests);
        }
        int approved, waiting;
        try
        {
            (approved, waiting) = await joining.BulkApproveAsync(Ids, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Notice"] = "Someone else decided some of these requests while you were approving them, so none were approved. Check the list and approve again.";
            return Redirect(PortalPaths.StaffJoinRequests);
        }
        var message = $"You approved {approved} {(approved == 1 ? "request" : "requests")}.";
        if (waiting > 0)
        {
            message += $" {waiting} {(waiting == 1 ? "person is" : "people are")} on a waiting list because the community is full.";
        }
        var skipped = Ids.Distinct().Count() - approved - waiting;
        if (skipped > 0)
        {
            message += $" {skipped} {(skipped == 1 ? "request was" : "requests were")} not approved because someone had already dealt with {(skipped == 1 ? "it" : "them")}.";
        }
        TempData["Success"] = message + " We have emailed everyone.";
        return Redirect(PortalPaths.StaffJoinRequests);
    }
}
