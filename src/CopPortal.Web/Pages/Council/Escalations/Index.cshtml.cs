using CopPortal.Domain.Caching;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Escalations;
using CopPortal.Domain.Links;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Pages.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Council.Escalations;

/// <summary>
/// The council's queue of submitted points, newest first, filtered by status, CoP, category and quarter; paginated.
/// Two queries whatever the number of points (a count and one page); the community filter is part of a name,
/// resolved against the cached names (a list of every CoP would be 2,000 options at ten times the network). The count
/// for each filter, and each page of rows, are kept in the <see cref="AggregateCache"/> (dropped when this app saves a
/// point, at most a minute old otherwise): counting 50,000 points on every view made the queue slow down as the
/// network grew.
/// </summary>
public class IndexModel(CopDbContext db, CommunityCache communityCache, AggregateCache aggregates, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public EscalationFilter Filter { get; set; } = new();

    public Pager Pager { get; private set; } = default!;
    public List<Row> Rows { get; private set; } = [];
    /// <summary>Part of a community's name, typed in the filter; resolved to the filter's community when one matches.</summary>
    [BindProperty(SupportsGet = true, Name = "community-name")]
    public string? CommunityName { get; set; }

    /// <summary>The typed community when it names none or several (the page then asks to choose), else resolved.</summary>
    public CommunityNameChoice CommunityChoice { get; private set; } = CommunityNameChoice.Resolve([], null, null);
    public List<Quarter> Quarters { get; private set; } = [];

    public sealed record Row(int Id, string Title, TripleACategory Category, PointKind Kind, PointStatus Status, string Community, DateTimeOffset? SubmittedAt, string? AssignedTo, string? Destination);

    public async Task<IActionResult> OnGetAsync(int p = 1)
    {
        // The last eight quarters to choose from.
        var q = Quarter.Of(clock.GetUtcNow());
        for (var i = 0; i < 8; i++, q = q.Previous)
        {
            Quarters.Add(q);
        }
        CommunityChoice = CommunityNameChoice.Resolve(await communityCache.NamesAsync(db), Filter.Community, CommunityName);
        Filter.Community = CommunityChoice.CommunityId;
        if (!CommunityChoice.Resolved)
        {
            Pager = new Pager(1, PageSize, 0, PortalPaths.CouncilEscalations, Filter.ToQuery());
            return Page();
        }
        var query = Filter.Apply(db.EscalationPoints.AsNoTracking());
        var filterKey = "council-queue|" + string.Join('|', Filter.ToQuery().Values);
        var count = await aggregates.CountAsync(filterKey, () => query.CountAsync());
        Pager = new Pager(p, PageSize, count, PortalPaths.CouncilEscalations, Filter.ToQuery());
        // The page of rows is kept beside its count (same key and life): the queue is read far more than points change.
        Rows = await aggregates.GetAsync(filterKey + "|page " + Pager.Page.ToString(System.Globalization.CultureInfo.InvariantCulture), () => query
            .OrderByDescending(x => x.SubmittedAt).ThenByDescending(x => x.Id)
            .Skip(Pager.Skip).Take(PageSize)
            .Select(x => new Row(x.Id, x.Title, x.Category, x.Kind, x.Status, x.Community!.Name, x.SubmittedAt,
                x.AssignedTo == null ? null : x.AssignedTo.DisplayName, x.Destination == null ? null : x.Destination.Name))
            .ToListAsync());
        return Page();
    }

    /// <summary>The queue for one community, keeping the other filters.</summary>
    public string CommunityUrl(int communityId)
    {
        var query = Filter.ToQuery();
        query["community"] = communityId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return PortalPaths.WithQuery(PortalPaths.CouncilEscalations, query.Select(kv => (kv.Key, kv.Value)).ToArray());
    }
}

public sealed class EscalationFilterValidator : CopPortal.Web.Infrastructure.Forms.Validators.FormValidator<EscalationFilter>;
