using System.Globalization;
using System.Linq.Expressions;
using CopPortal.Domain.Caching;
using CopPortal.Domain.Communities;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using CopPortal.Domain.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff;

/// <summary>
/// Equality monitoring in aggregate only, protected three ways so that no one person's answers can be shown or
/// worked out (see docs/guide-staff.md):
/// <list type="number">
/// <item>Cell suppression: a count under 5 is hidden; in each question, if the hidden cells are just one, or add up
/// to under 5, the next smallest is hidden too, so they cannot be recovered by subtracting from the total.</item>
/// <item>Rounding: every shown number, the total included, is rounded to the nearest 5, so subtracting one view
/// (a community, all communities) from another gives a range, never an exact count.</item>
/// <item>Release in steps: figures cover whole past months only, and a view moves on only when at least
/// <see cref="ReleaseStep"/> new responses have built up, so two snapshots never differ by one person's answers.</item>
/// </list>
/// Counting is done in the database (GROUP BY); no response is loaded.
/// </summary>
public class EqualityModel(CopDbContext db, CommunityCache communityCache, AggregateCache aggregates, TimeProvider clock) : PageModel
{
    public const int SuppressBelow = 5;
    public const int RoundTo = 5;
    public const int ReleaseStep = 10;
    public const string Hidden = "not shown";
    public const string NotAnswered = "Not answered";

    [FromQuery(Name = "community")]
    public int? CommunityId { get; set; }

    /// <summary>Part of a community's name, typed in the filter (a list of every CoP was 2,000 options at ten times the network).</summary>
    [FromQuery(Name = "community-name")]
    public string? CommunityName { get; set; }

    /// <summary>The typed community when it names none or several (the page then asks to choose), else resolved.</summary>
    public CommunityNameChoice CommunityChoice { get; private set; } = CommunityNameChoice.Resolve([], null, null);

    /// <summary>The exact number of responses the figures cover; only ever shown rounded.</summary>
    public int Total { get; private set; }

    /// <summary>The last day the figures cover, or null when no month has been released yet.</summary>
    public DateOnly? CoversUpTo { get; private set; }

    public List<(string Question, List<Cell> Rows)> Sections { get; private set; } = [];

    public sealed record Cell(string Answer, int Count, bool Suppressed)
    {
        public string Shown => Suppressed ? Hidden : Round(Count).ToString(CultureInfo.InvariantCulture);
    }

    public string ShownTotal => Total < SuppressBelow ? "fewer than 5" : Round(Total).ToString(CultureInfo.InvariantCulture);

    public static int Round(int count) => (int)Math.Round(count / (double)RoundTo, MidpointRounding.AwayFromZero) * RoundTo;

    public async Task OnGetAsync()
    {
        CommunityChoice = CommunityNameChoice.Resolve(await communityCache.NamesAsync(db), CommunityId, CommunityName);
        CommunityId = CommunityChoice.CommunityId;
        if (!CommunityChoice.Resolved)
        {
            return;
        }
        var today = LondonTime.Today(clock);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        // Counting reads every response; only whole past months are released, so the figures are kept (aggregates
        // only, never a response) until a response is saved or a minute has passed.
        var report = await aggregates.GetAsync(string.Create(CultureInfo.InvariantCulture, $"equality|{CommunityId}|{monthStart:O}"), () => LoadAsync(monthStart));
        (CoversUpTo, Total, Sections) = (report.CoversUpTo, report.Total, report.Sections);
    }

    private sealed record Report(DateOnly? CoversUpTo, int Total, List<(string Question, List<Cell> Rows)> Sections);

    private async Task<Report> LoadAsync(DateOnly monthStart)
    {
        var query = db.EqualityMonitoringResponses.AsNoTracking();
        if (CommunityId is int id)
        {
            query = query.Where(r => r.CommunityId == id);
        }
        var days = await query.Where(r => r.SubmittedOn < monthStart)
            .GroupBy(r => r.SubmittedOn)
            .Select(g => new { Day = g.Key, Count = g.Count() })
            .ToListAsync();
        var (releasedBefore, total) = Release(days.Select(d => (d.Day, d.Count)));
        if (releasedBefore is not DateOnly cutoff)
        {
            return new Report(null, 0, []);
        }
        var released = query.Where(r => r.SubmittedOn < cutoff);
        return new Report(cutoff.AddDays(-1), total,
        [
            ("Age", await CountAsync(released, r => r.AgeBand)),
            ("Sex", await CountAsync(released, r => r.Sex)),
            ("Ethnic group", await CountAsync(released, r => r.Ethnicity)),
            ("Disability", await CountAsync(released, r => r.Disability)),
            ("Sexual orientation", await CountAsync(released, r => r.SexualOrientation)),
            ("Religion or belief", await CountAsync(released, r => r.Religion)),
        ]);
    }

    /// <summary>
    /// Walks whole months oldest first and releases up to the end of a month once at least <see cref="ReleaseStep"/>
    /// responses have built up since the last release. The walk always starts at the beginning, so an earlier
    /// release point never moves: each later snapshot adds a step of at least that many responses.
    /// Returns the first day not released (null when nothing is) and how many responses are released.
    /// </summary>
    public static (DateOnly? ReleasedBefore, int Count) Release(IEnumerable<(DateOnly Day, int Count)> days)
    {
        DateOnly? releasedBefore = null;
        int released = 0, building = 0;
        foreach (var month in days.GroupBy(d => new DateOnly(d.Day.Year, d.Day.Month, 1)).OrderBy(g => g.Key))
        {
            building += month.Sum(d => d.Count);
            if (building >= ReleaseStep)
            {
                releasedBefore = month.Key.AddMonths(1);
                released += building;
                building = 0;
            }
        }
        return (releasedBefore, released);
    }

    /// <summary>
    /// Hides every count under <see cref="SuppressBelow"/>; then, while the hidden counts are a single one or add up
    /// to under <see cref="SuppressBelow"/>, hides the next smallest too (secondary suppression), so that neither the
    /// total nor the other rows give a hidden count away.
    /// </summary>
    public static List<Cell> Suppress(IEnumerable<(string Answer, int Count)> counts)
    {
        var cells = counts.OrderByDescending(c => c.Count).ThenBy(c => c.Answer, StringComparer.Ordinal)
            .Select(c => new Cell(c.Answer, c.Count, c.Count < SuppressBelow)).ToList();
        while (cells.Exists(c => c.Suppressed) && (cells.Count(c => c.Suppressed) == 1 || cells.Where(c => c.Suppressed).Sum(c => c.Count) < SuppressBelow))
        {
            var next = cells.FindLastIndex(c => !c.Suppressed);
            if (next < 0)
            {
                break;
            }
            cells[next] = cells[next] with { Suppressed = true };
        }
        return cells;
    }

    private static async Task<List<Cell>> CountAsync(IQueryable<EqualityMonitoringResponse> released, Expression<Func<EqualityMonitoringResponse, string?>> answer)
    {
        var counts = await released.GroupBy(answer).Select(g => new { Answer = g.Key, Count = g.Count() }).ToListAsync();
        return Suppress(counts.Select(c => (c.Answer ?? NotAnswered, c.Count)));
    }
}
