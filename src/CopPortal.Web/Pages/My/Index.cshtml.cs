using System.Security.Claims;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.My;

/// <summary>The signed-in person's communities and join requests.</summary>
public class IndexModel(CopDbContext db) : PageModel
{
    public List<MembershipRow> Memberships { get; private set; } = [];
    public List<RequestRow> Requests { get; private set; } = [];

    public sealed record MembershipRow(string Name, string Slug, CommunityRole Role, DateTimeOffset JoinedAt);

    public sealed record RequestRow(int Id, string Community, string Slug, DateTimeOffset SubmittedAt, JoinRequestStatus Status, string? DecisionReason, string? InformationRequested, int? WaitingListPosition)
    {
        public bool IsOpen => JoinRequest.OpenStatuses.Contains(Status);
    }

    public async Task OnGetAsync()
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        Memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderBy(m => m.Community!.Name)
            .Select(m => new MembershipRow(m.Community!.Name, m.Community.Slug, m.Role, m.JoinedAt))
            .ToListAsync();
        Requests = await db.JoinRequests.AsNoTracking()
            .Where(r => r.ApplicantId == userId)
            .OrderByDescending(r => r.SubmittedAt)
            .Select(r => new RequestRow(
                r.Id, r.Community!.Name, r.Community.Slug, r.SubmittedAt, r.Status, r.DecisionReason, r.InformationRequested,
                r.Status == JoinRequestStatus.WaitingList
                    ? db.JoinRequests.Count(w => w.CommunityId == r.CommunityId && w.Status == JoinRequestStatus.WaitingList && w.WaitlistedAt < r.WaitlistedAt) + 1
                    : null))
            .ToListAsync();
    }
}
