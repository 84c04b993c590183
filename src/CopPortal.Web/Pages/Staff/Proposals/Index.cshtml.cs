using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff.Proposals;

/// <summary>Proposals for new CoPs: waiting ones first, oldest first; decided ones after.</summary>
public class IndexModel(CopDbContext db) : PageModel
{
    public sealed record Row(int Id, string Name, string Proposer, DateTimeOffset SubmittedAt, ProposalStatus Status, DateTimeOffset? DecidedAt);

    public List<Row> Pending { get; private set; } = [];
    public List<Row> Decided { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var rows = await db.Proposals.AsNoTracking()
            .OrderBy(p => p.SubmittedAt)
            .Select(p => new Row(p.Id, p.Name, p.Proposer!.DisplayName, p.SubmittedAt, p.Status, p.DecidedAt))
            .ToListAsync();
        Pending = rows.Where(r => r.Status == ProposalStatus.Pending).ToList();
        Decided = rows.Where(r => r.Status != ProposalStatus.Pending).OrderByDescending(r => r.DecidedAt).Take(50).ToList();
    }
}
