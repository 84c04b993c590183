using System.Globalization;
using System.Text;
using CopPortal.Domain.Data;
using CopPortal.Domain.Escalations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Council.Escalations;

/// <summary>The queue's points as CSV, with the queue's filters (one query). The point's detail stays on the portal.</summary>
public class ExportModel(CopDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public EscalationFilter Filter { get; set; } = new();

    public static readonly string[] Header =
        ["Point", "Submitted", "Quarter", "Community", "Category", "Kind", "Title", "Status", "Reviewer", "Routed to", "Outcome recorded", "Outcome"];

    public async Task<IActionResult> OnGetAsync()
    {
        var rows = await Filter.Apply(db.EscalationPoints.AsNoTracking())
            .OrderBy(p => p.SubmittedAt).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.SubmittedAt, Community = p.Community!.Name, p.Category, p.Kind, p.Title, p.Status,
                Reviewer = p.AssignedTo == null ? null : p.AssignedTo.DisplayName,
                Destination = p.Destination == null ? null : p.Destination.Name,
                p.OutcomeRecordedAt, p.Outcome,
            })
            .ToListAsync();
        var csv = new StringBuilder();
        Csv.AppendRow(csv, Header);
        foreach (var r in rows)
        {
            Csv.AppendRow(csv,
                r.Id.ToString(CultureInfo.InvariantCulture),
                r.SubmittedAt is { } at ? Day(at) : "",
                r.SubmittedAt is { } q ? Quarter.Of(q).Key : "",
                r.Community,
                r.Category.ToString(),
                r.Kind.ToString(),
                r.Title,
                PointStatuses.Label(r.Status),
                r.Reviewer,
                r.Destination,
                r.OutcomeRecordedAt is { } o ? Day(o) : "",
                r.Outcome);
        }
        // A byte-order mark so spreadsheet programs read the UTF-8 (names with accents) correctly.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", "triple-a-escalations.csv");
    }

    private static string Day(DateTimeOffset utc) =>
        CopPortal.Domain.Time.LondonTime.ToLondon(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
