using CopPortal.Domain.Escalations;

namespace CopPortal.Web.Pages.Council.Escalations;

/// <summary>The council queue's filters, shared by the list and its CSV export so both show the same points.</summary>
public sealed class EscalationFilter
{
    public PointStatus? Status { get; set; }
    public int? Community { get; set; }
    public TripleACategory? Category { get; set; }
    public string? Quarter { get; set; }

    public IQueryable<EscalationPoint> Apply(IQueryable<EscalationPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        points = points.Where(p => p.Status != PointStatus.Draft);
        if (Status is { } status)
        {
            points = points.Where(p => p.Status == status);
        }
        if (Community is { } community)
        {
            points = points.Where(p => p.CommunityId == community);
        }
        if (Category is { } category)
        {
            points = points.Where(p => p.Category == category);
        }
        if (CopPortal.Domain.Escalations.Quarter.Parse(Quarter) is { } quarter)
        {
            var (from, to) = (quarter.StartUtc, quarter.EndUtc);
            points = points.Where(p => p.SubmittedAt >= from && p.SubmittedAt < to);
        }
        return points;
    }

    public Dictionary<string, string?> ToQuery() => new()
    {
        ["status"] = Status?.ToString(),
        ["community"] = Community?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["category"] = Category?.ToString(),
        ["quarter"] = CopPortal.Domain.Escalations.Quarter.Parse(Quarter)?.Key,
    };
}
