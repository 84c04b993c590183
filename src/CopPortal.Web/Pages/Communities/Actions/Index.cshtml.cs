using System.Globalization;
using CopPortal.Domain.Actions;
using CopPortal.Domain.Data;
using CopPortal.Domain.Time;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Actions;

/// <summary>Every action of the CoP, by status (open by default), soonest due first; overdue ones are tagged.</summary>
[CommunityOperation(nameof(CommunityOperations.ViewMemberContent))]
public class IndexModel(CopDbContext db, TimeProvider clock) : CommunityPageModel
{
    public sealed record ActionRow(int Id, string Description, string Owner, DateOnly? DueOn, ActionStatus Status, string? MeetingTitle, DateTimeOffset? MeetingStartsAt, bool Overdue);

    /// <summary>A long-running CoP gathers hundreds of actions; a page of them at a time keeps the list usable.</summary>
    public const int PageSize = 25;

    public ActionStatus Status { get; private set; }
    public CopPortal.Web.Pages.Staff.Pager Pager { get; private set; } = default!;
    public List<ActionRow> Actions { get; private set; } = [];
    public Dictionary<ActionStatus, int> Counts { get; private set; } = [];

    public bool CanAdd => May(nameof(CommunityOperations.RunCommunity)) && !IsArchived;

    public async Task OnGetAsync(string? status, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "p")] int? page)
    {
        // An unknown filter shows the open ones rather than an error.
        Status = Enum.TryParse<ActionStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(status, out _) ? s : ActionStatus.Open;
        var today = LondonTime.Today(clock);
        var requested = Math.Clamp(page ?? 1, 1, int.MaxValue / PageSize);
        // Every viewer sees the same rows and counts: kept (ContentCache) until anything is committed.
        var (rows, counts) = await SharedAsync(db, Key("actions", Status, requested), () => LoadPageAsync(Status, requested));
        Counts = counts.ByStatus();
        Pager = new CopPortal.Web.Pages.Staff.Pager(requested, PageSize, Counts.GetValueOrDefault(Status), CopPortal.Domain.Links.PortalPaths.Actions(Community.Slug),
            new Dictionary<string, string?> { ["status"] = Status == ActionStatus.Open ? null : Status.ToString().ToLowerInvariant() });
        Actions = rows.Select(a => new ActionRow(a.Id, a.Description, a.Owner, a.DueOn, a.Status, a.MeetingTitle, a.MeetingStartsAt,
            a.Status == ActionStatus.Open && a.DueOn is { } due && due < today)).ToList();
        // The overdue tags depend on the day, so the day is part of the list's key.
        ListKey = await SharedMarkupKeyAsync(db, Key("actions-list", Status, requested, today));
    }

    /// <summary>The list's markup is kept under this (null: rendered afresh).</summary>
    public string? ListKey { get; private set; }

    private sealed record LoadedPage(List<PageRow> Rows, StatusCounts Counts);

    private async Task<LoadedPage> LoadPageAsync(ActionStatus status, int requested)
    {
        // The usual view (a page that has rows) is ONE command: each row carries the three counts. Only an empty
        // list or a page past the end asks for the counts on their own (and then for the last page).
        var rows = await PageAsync(status, (requested - 1) * PageSize);
        var counts = rows.Count > 0 ? rows[0].Counts : await s_counts.For(db)(db, Community.Id);
        var total = status switch
        {
            ActionStatus.Open => counts.Open,
            ActionStatus.Done => counts.Done,
            _ => counts.Dropped,
        };
        if (rows.Count == 0 && total > 0)
        {
            rows = await PageAsync(status, (Math.Max(1, (total + PageSize - 1) / PageSize) - 1) * PageSize);
        }
        return new LoadedPage(rows, counts);
    }

    private Task<List<PageRow>> PageAsync(ActionStatus status, int skip) =>
        s_pageOfActions.For(db)(db, Community.Id, status, skip, PageSize).ToListAsync().AsTask();

    private sealed record PageRow(int Id, string Description, string Owner, DateOnly? DueOn, ActionStatus Status, string? MeetingTitle, DateTimeOffset? MeetingStartsAt,
        StatusCounts Counts);

    /// <summary>The CoP's actions counted by status: carried on every row of a page, or read alone when a page is empty.</summary>
    private sealed record StatusCounts(int Open, int Done, int Dropped)
    {
        public Dictionary<ActionStatus, int> ByStatus() => new() { [ActionStatus.Open] = Open, [ActionStatus.Done] = Done, [ActionStatus.Dropped] = Dropped };
    }

    private static readonly CompiledQuery<Func<CopDbContext, int, Task<StatusCounts>>> s_counts = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, int communityId) => db.Communities.Where(c => c.Id == communityId)
            .Select(c => new StatusCounts(
                db.Actions.Count(a => a.CommunityId == communityId && a.Status == ActionStatus.Open),
                db.Actions.Count(a => a.CommunityId == communityId && a.Status == ActionStatus.Done),
                db.Actions.Count(a => a.CommunityId == communityId && a.Status == ActionStatus.Dropped)))
            .First()));

    // Soonest due first, undated last: compiled once, as every view of the list runs it.
    private static readonly CompiledQuery<Func<CopDbContext, int, ActionStatus, int, int, IAsyncEnumerable<PageRow>>> s_pageOfActions = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, int communityId, ActionStatus status, int skip, int take) => db.Actions.AsNoTracking()
            .Where(a => a.CommunityId == communityId && a.Status == status)
            .OrderBy(a => a.DueOn == null).ThenBy(a => a.DueOn).ThenBy(a => a.Id)
            .Skip(skip).Take(take)
            .Select(a => new PageRow(a.Id, a.Description, a.OwnerUser != null ? a.OwnerUser.DisplayName : a.OwnerName, a.DueOn, a.Status,
                a.Meeting != null ? a.Meeting.Title : null, a.Meeting != null ? (DateTimeOffset?)a.Meeting.StartsAt : null,
                new StatusCounts(
                    db.Actions.Count(o => o.CommunityId == communityId && o.Status == ActionStatus.Open),
                    db.Actions.Count(o => o.CommunityId == communityId && o.Status == ActionStatus.Done),
                    db.Actions.Count(o => o.CommunityId == communityId && o.Status == ActionStatus.Dropped))))));

    public static string Label(ActionStatus status) => status switch
    {
        ActionStatus.Open => "Open",
        ActionStatus.Done => "Done",
        _ => "Dropped",
    };

    public static string TagClass(ActionStatus status) => status switch
    {
        ActionStatus.Open => "nhsuk-tag--blue",
        ActionStatus.Done => "nhsuk-tag--green",
        _ => "nhsuk-tag--grey",
    };
}
