using CopPortal.Domain.Caching;
using CopPortal.Domain.Data;
using CopPortal.Domain.Escalations;
using CopPortal.Domain.People;
using CopPortal.Domain.Time;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Council;

/// <summary>
/// The Council home: the queue summary, the dashboard (points by category, CoP and quarter, open Alerts, time to
/// outcome), downloads, the shared minutes, and for staff the overdue reports. The folder convention limits it to
/// Council members and staff. The figures read every point and the overdue list every held meeting, so both are
/// kept in the <see cref="AggregateCache"/> (dropped when this app saves a point, report or meeting, and at most a
/// minute old otherwise), the open Alerts with the figures.
/// </summary>
public class IndexModel(CopDbContext db, EscalationService escalations, AggregateCache aggregates, ContentCache content, TimeProvider clock) : PageModel
{
    /// <summary>The communities charted by name; the rest share one bar (the CSV and the queue have them all).</summary>
    public const int CommunitiesCharted = 10;

    public EscalationFigures Figures { get; private set; } = default!;
    public List<OpenAlert> OpenAlerts { get; private set; } = [];
    public List<Overdue> OverdueReports { get; private set; } = [];
    public int OverdueTotal { get; private set; }
    public List<Quarter> Quarters { get; private set; } = [];
    public bool IsStaff => User.IsInRole(NetworkRoles.NetworkStaff);

    public sealed record OpenAlert(int Id, string Title, string Community, PointStatus Status, DateTimeOffset? SubmittedAt);

    public sealed record Overdue(int MeetingId, string Title, DateTimeOffset StartsAt, string Community, string Slug);

    private sealed record OverdueList(int Total, List<Overdue> Reports);

    private sealed record Dashboard(long Stamp, EscalationFigures Figures, List<OpenAlert> OpenAlerts);

    // Numbers each load of the dashboard's figures in this process: the markup made from one load is kept under it.
    private static long s_loads;

    /// <summary>The queue summary, open Alerts and charts are rendered once per load of the figures and kept under this.</summary>
    public string DashboardKey { get; private set; } = "";

    public async Task OnGetAsync()
    {
        // The figures and the open Alerts are kept together, so the count and the list agree; the markup they make
        // is kept under the stamp of that load (DashboardKey). They are kept under the database's content version,
        // not for a minute: aggregating every point again (a second's work at 10x) then happens only after a change
        // made on any instance, never just because time passed while readers wait.
        var dashboard = await content.GetAsync(db, "council-dashboard", async () => new Dashboard(
            Interlocked.Increment(ref s_loads),
            await EscalationFigures.LoadAsync(db),
            await db.EscalationPoints.AsNoTracking()
                .Where(p => p.Category == TripleACategory.Alert
                    && (p.Status == PointStatus.Submitted || p.Status == PointStatus.UnderReview || p.Status == PointStatus.Routed))
                .OrderBy(p => p.SubmittedAt)
                .Take(20)
                .Select(p => new OpenAlert(p.Id, p.Title, p.Community!.Name, p.Status, p.SubmittedAt))
                .ToListAsync()));
        Figures = dashboard.Figures;
        OpenAlerts = dashboard.OpenAlerts;
        DashboardKey = "council-dashboard:" + dashboard.Stamp.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (IsStaff)
        {
            // Keyed by the day: a meeting becomes overdue as days pass, not only when something is saved.
            var (total, reports) = await aggregates.GetAsync("council-overdue|" + LondonTime.Today(clock).ToString("O", System.Globalization.CultureInfo.InvariantCulture), async () =>
            {
                var overdue = escalations.Overdue();
                return new OverdueList(await overdue.CountAsync(), await overdue.Take(20)
                    .Select(m => new Overdue(m.Id, m.Title, m.StartsAt, m.Community!.Name, m.Community.Slug))
                    .ToListAsync());
            });
            OverdueTotal = total;
            OverdueReports = reports;
        }
        var q = Quarter.Of(clock.GetUtcNow());
        for (var i = 0; i < 8; i++, q = q.Previous)
        {
            Quarters.Add(q);
        }
    }

    public static string Days(double? days) =>
        days is { } d ? d.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + (Math.Abs(d - 1) < 0.05 ? " day" : " days") : "No outcomes yet";
}
