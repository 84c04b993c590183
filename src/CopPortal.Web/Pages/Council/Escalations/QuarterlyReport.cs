using CopPortal.Domain.Data;
using CopPortal.Domain.Escalations;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Council.Escalations;

/// <summary>Every point submitted in a quarter, by CoP and category, with status and outcome: the council's quarterly report.</summary>
public sealed record QuarterlyReport(Quarter Quarter, IReadOnlyList<QuarterlyReport.Item> Items, DateTimeOffset MadeAt)
{
    public sealed record Item(string Community, TripleACategory Category, PointKind Kind, string Title, PointStatus Status, string? Destination, string? Outcome, DateTimeOffset? SubmittedAt);

    public static async Task<QuarterlyReport> LoadAsync(CopDbContext db, Quarter quarter, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (from, to) = (quarter.StartUtc, quarter.EndUtc);
        var items = await db.EscalationPoints.AsNoTracking()
            .Where(p => p.Status != PointStatus.Draft && p.SubmittedAt >= from && p.SubmittedAt < to)
            .Select(p => new Item(p.Community!.Name, p.Category, p.Kind, p.Title, p.Status,
                p.Destination == null ? null : p.Destination.Name, p.Outcome, p.SubmittedAt))
            .ToListAsync();
        return new QuarterlyReport(quarter, items
            .OrderBy(i => i.Community, StringComparer.Ordinal).ThenByDescending(i => i.Category).ThenBy(i => i.SubmittedAt)
            .ToList(), now);
    }
}
