using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Time;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff.Communities;

/// <summary>Every CoP in any status, and the ToRs whose annual review is due within 30 days or overdue.</summary>
public class IndexModel(CopDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(string Slug, string Name, CommunityStatus Status, int MemberCount, DateOnly? ReviewDueOn, int Version);

    public List<Row> Communities { get; private set; } = [];
    public List<Row> ReviewsDue { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public int PendingProposals { get; private set; }

    public async Task OnGetAsync()
    {
        Today = LondonTime.Today(clock);
        Communities = await db.Communities.AsNoTracking()
            .OrderBy(c => c.Status == CommunityStatus.Archived).ThenBy(c => c.Name)
            .Select(c => new Row(c.Slug, c.Name, c.Status, c.MemberCount, c.TermsReviewDueOn, c.CurrentTermsVersion))
            .ToListAsync();
        var horizon = Today.AddDays(TermsReviewReminders.DaysBefore);
        ReviewsDue = Communities.Where(c => c.Status != CommunityStatus.Archived && c.ReviewDueOn is { } due && due <= horizon)
            .OrderBy(c => c.ReviewDueOn).ToList();
        PendingProposals = await db.Proposals.CountAsync(p => p.Status == ProposalStatus.Pending);
    }

    public static string StatusTag(CommunityStatus status) => status switch
    {
        CommunityStatus.Active => "nhsuk-tag--green",
        CommunityStatus.Draft => "nhsuk-tag--blue",
        _ => "nhsuk-tag--grey",
    };
}
