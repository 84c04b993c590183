using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using CopPortal.Domain.Links;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Joining;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff.JoinRequests;

/// <summary>
/// The weekly queue. Built from a fixed number of queries whatever the number of rows: one page of rows with
/// names joined in, plus the counts per week and the bulk-approve count, which are kept in memory until a join
/// request changes (JoinQueueCounts), as are the community names the filter searches (CommunityCache). Filters
/// are plain column comparisons covered by the JoinRequests indexes. The community filter is a name search, not
/// a list of every CoP: at ten times the network the list was 2,000 options (200 KB on every view), which made
/// the page's p95 grow 2.2 times while the rows stayed fifty.
/// </summary>
public class IndexModel(CopDbContext db, CommunityCache communityCache, JoinQueueCounts queueCounts) : PageModel
{
    public const int PageSize = 50;
    public const string OpenStatus = "open";
    public const string AllStatuses = "all";

    public const int MaxCommunityMatches = CommunityNameChoice.MaxMatches;

    [FromQuery(Name = "community")]
    public int? CommunityId { get; set; }

    /// <summary>Part of a community's name, typed in the filter; resolved to <see cref="CommunityId"/> when one matches.</summary>
    [FromQuery(Name = "community-name")]
    public string? CommunityName { get; set; }

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "outcome")]
    public string? Outcome { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The community filter as typed: settled on one CoP (or none asked for), or the matches to choose from.</summary>
    public CommunityNameChoice CommunityChoice { get; private set; } = CommunityNameChoice.Resolve([], null, null);
    public List<WeekGroup> Weeks { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount { get; private set; }
    public int BulkApprovable { get; private set; }

    public sealed record Row(int Id, string Applicant, string Community, DateTimeOffset SubmittedAt, DateOnly WeekOf, PrecheckOutcome Outcome, JoinRequestStatus Status);

    public sealed record WeekGroup(DateOnly WeekOf, int Count, List<Row> Rows);

    public static IReadOnlyList<(string Key, string Label)> StatusOptions { get; } =
    [
        (OpenStatus, "Open"),
        (JoiningDisplay.StatusKey(JoinRequestStatus.Pending), "Pending"),
        (JoiningDisplay.StatusKey(JoinRequestStatus.InformationRequested), "Information requested"),
        (JoiningDisplay.StatusKey(JoinRequestStatus.WaitingList), "Waiting list"),
        (JoiningDisplay.StatusKey(JoinRequestStatus.Approved), "Approved"),
        (JoiningDisplay.StatusKey(JoinRequestStatus.Declined), "Declined"),
        (JoiningDisplay.StatusKey(JoinRequestStatus.Withdrawn), "Withdrawn"),
        (AllStatuses, "All"),
    ];

    public static IReadOnlyList<(string Key, string Label)> OutcomeOptions { get; } =
    [
        ("", "Any outcome"),
        (JoiningDisplay.OutcomeKey(PrecheckOutcome.Met), "All criteria met"),
        (JoiningDisplay.OutcomeKey(PrecheckOutcome.NeedsJudgement), "Needs judgement"),
        (JoiningDisplay.OutcomeKey(PrecheckOutcome.NotMet), "Not met"),
    ];

    public async Task OnGetAsync()
    {
        Status = StatusOptions.Any(o => o.Key == Status) ? Status : OpenStatus;
        Outcome = OutcomeOptions.Any(o => o.Key == Outcome) ? Outcome : "";
        PageNumber = Math.Max(1, PageNumber);

        if (!await ResolveCommunityAsync())
        {
            // The typed name matched no community or several: show those to choose from rather than a queue
            // that silently ignores the filter.
            return;
        }

        var query = Filter(db.JoinRequests.AsNoTracking(), CommunityId, Status);
        if (ParseOutcome(Outcome) is PrecheckOutcome outcome)
        {
            query = query.Where(r => r.PrecheckOutcome == outcome);
        }

        var counts = await queueCounts.GetAsync($"{CommunityId}|{Status}|{Outcome}", async () => new JoinQueueCounts.Counts(
            await query.GroupBy(r => r.SubmittedWeekOf).Select(g => new { WeekOf = g.Key, Count = g.Count() }).ToDictionaryAsync(w => w.WeekOf, w => w.Count),
            await BulkApprovableQuery(db, CommunityId).CountAsync()));
        Total = counts.Total;
        BulkApprovable = counts.BulkApprovable;
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Min(PageNumber, PageCount);

        var rows = await PageRows.For(db)(db, CommunityId, Status == OpenStatus ? 1 : null, ParseStatus(Status), ParseOutcome(Outcome), (PageNumber - 1) * PageSize).ToListAsync();
        Weeks = rows.GroupBy(r => r.WeekOf).Select(g => new WeekGroup(g.Key, counts.PerWeek.GetValueOrDefault(g.Key), g.ToList())).ToList();
    }

    /// <summary>Turns the community box's text into one community, or lists the candidates. False when there is no single one.</summary>
    private async Task<bool> ResolveCommunityAsync()
    {
        var choice = CommunityNameChoice.Resolve(await communityCache.NamesAsync(db), CommunityId, CommunityName);
        CommunityId = choice.CommunityId;
        CommunityChoice = choice;
        return choice.Resolved;
    }

    /// <summary>The queue for one community, keeping the other filters.</summary>
    public string CommunityUrl(int communityId) =>
        PortalPaths.WithQuery(PortalPaths.StaffJoinRequests,
            ("community", communityId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("status", Status ?? OpenStatus),
            ("outcome", string.IsNullOrEmpty(Outcome) ? null : Outcome));

    /// <summary>
    /// One page of rows: fifty requests read in order from the queue index, then names joined for just those.
    /// (Sorting thousands of joined rows to show fifty was once most of this page's cost.) The page is a limited
    /// subquery that the join reads from, not "Id IN (page)": with statistics from when the table was small,
    /// SQLite answered the IN form by scanning every request through another index, so the page grew with the
    /// table. Compiled once: building the query each time cost more than running it. A filter left null drops out
    /// of the SQL, because EF Core writes the SQL for each combination of null parameters, so each view keeps its index.
    /// </summary>
    private static readonly CompiledQuery<Func<CopDbContext, int?, int?, JoinRequestStatus?, PrecheckOutcome?, int, IAsyncEnumerable<Row>>> PageRows = new(() => EF.CompileAsyncQuery(
        (CopDbContext db, int? communityId, int? inQueue, JoinRequestStatus? status, PrecheckOutcome? outcome, int skip) =>
            db.JoinRequests.AsNoTracking()
                .Where(f => (communityId == null || f.CommunityId == communityId)
                    && (inQueue == null || f.InQueue == inQueue)
                    && (status == null || f.Status == status)
                    && (outcome == null || f.PrecheckOutcome == outcome))
                .OrderBy(f => f.SubmittedWeekOf).ThenBy(f => f.SubmittedAt).ThenBy(f => f.Id)
                .Skip(skip).Take(PageSize)
                .Select(r => new Row(r.Id, r.Applicant!.DisplayName, r.Community!.Name, r.SubmittedAt, r.SubmittedWeekOf, r.PrecheckOutcome, r.Status))));

    /// <summary>Pending requests whose every criterion is Met, optionally in one community: what bulk approve acts on.</summary>
    public static IQueryable<JoinRequest> BulkApprovableQuery(CopDbContext db, int? communityId) =>
        Filter(db.JoinRequests.AsNoTracking(), communityId, JoiningDisplay.StatusKey(JoinRequestStatus.Pending))
            .Where(r => r.PrecheckOutcome == PrecheckOutcome.Met);

    private static IQueryable<JoinRequest> Filter(IQueryable<JoinRequest> query, int? communityId, string? status)
    {
        if (communityId is int id)
        {
            query = query.Where(r => r.CommunityId == id);
        }
        if (status == OpenStatus)
        {
            query = query.Where(JoinRequest.InQueueFilter);
        }
        else if (ParseStatus(status) is JoinRequestStatus parsed)
        {
            query = query.Where(r => r.Status == parsed);
        }
        return query;
    }

    private static JoinRequestStatus? ParseStatus(string? key) =>
        Enum.GetValues<JoinRequestStatus>().Where(s => JoiningDisplay.StatusKey(s) == key).Select(s => (JoinRequestStatus?)s).FirstOrDefault();

    private static PrecheckOutcome? ParseOutcome(string? key) =>
        Enum.GetValues<PrecheckOutcome>().Where(o => JoiningDisplay.OutcomeKey(o) == key).Select(o => (PrecheckOutcome?)o).FirstOrDefault();

    public string PageUrl(int page) =>
        PortalPaths.WithQuery(PortalPaths.StaffJoinRequests,
            ("community", CommunityId?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("status", Status ?? OpenStatus),
            ("outcome", Outcome),
            ("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
