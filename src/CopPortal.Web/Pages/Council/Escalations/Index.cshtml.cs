using CopPortal.Domain.Data;
using CopPortal.Domain.Escalations;
using CopPortal.Domain.Links;
using CopPortal.Web.Pages.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Council.Escalations;

/// <summary>
/// The council's queue of submitted points, newest first, filtered by status, CoP, category and quarter; paginated.
/// Two queries whatever the number of points (a count and one page), plus the CoP list for the filter.
/// </summary>
public class IndexModel(CopDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public EscalationFilter Filter { get; set; } = new();

    public Pager Pager { get; private set; } = default!;
    public List<Row> Rows { get; private set; } = [];
    public List<(int Id, string Name)> Communities { get; private set; } = [];
    public List<Quarter> Quarters { get; private set; } = [];

    public sealed record Row(int Id, string Title, TripleACategory Category, PointKind Kind, PointStatus Status, string Community, DateTimeOffset? SubmittedAt, string? AssignedTo, string? Destination);

    public async Task<IActionResult> OnGetAsync(int p = 1)
    {
        var query = Filter.Apply(db.EscalationPoints.AsNoTracking());
        Pager = new Pager(p, PageSize, await query.CountAsync(), PortalPaths.CouncilEscalations, Filter.ToQuery());
        Rows = await query
            .OrderByDescending(x => x.SubmittedAt).ThenByDescending(x => x.Id)
            .Skip(Pager.Skip).Take(PageSize)
            .Select(x => new Row(x.Id, x.Title, x.Category, x.Kind, x.Status, x.Community!.Name, x.SubmittedAt,
                x.AssignedTo == null ? null : x.AssignedTo.DisplayName, x.Destination == null ? null : x.Destination.Name))
            .ToListAsync();
        Communities = (await db.Communities.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync())
            .Select(c => (c.Id, c.Name)).ToList();
        // The last eight quarters to choose from.
        var q = Quarter.Of(clock.GetUtcNow());
        for (var i = 0; i < 8; i++, q = q.Previous)
        {
            Quarters.Add(q);
        }
        return Page();
    }
}

public sealed class EscalationFilterValidator : CopPortal.Web.Infrastructure.Forms.Validators.FormValidator<EscalationFilter>;
