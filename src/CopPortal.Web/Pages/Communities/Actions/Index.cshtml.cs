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
        var mine = db.Actions.AsNoTracking().Where(a => a.CommunityId == Community.Id);
        Counts = await mine.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Pager = new CopPortal.Web.Pages.Staff.Pager(page ?? 1, PageSize, Counts.GetValueOrDefault(Status), CopPortal.Domain.Links.PortalPaths.Actions(Community.Slug),
            new Dictionary<string, string?> { ["status"] = Status == ActionStatus.Open ? null : Status.ToString().ToLowerInvariant() });
        var rows = new List<PageRow>();
        if (Pager.Total > 0)
        {
            await foreach (var row in s_pageOfActions.For(db)(db, Community.Id, Status, Pager.Skip, PageSize))
            {
                rows.Add(row);
            }
        }
        Actions = rows.Select(a => new ActionRow(a.Id, a.Description, a.Owner, a.DueOn, a.Status, a.MeetingTitle, a.MeetingStartsAt,
            a.Status == ActionStatus.Open && a.DueOn is { } due && due < today)).ToList();
    }

    private sealed record PageRow(int Id, string Description, string Owner, DateOnly? DueOn, ActionStatus Status, string? MeetingTitle, DateTimeOffset? MeetingStartsAt);

    // Soonest due first, undated last: compiled once, as every view of the list runs it.
    private static readonly CompiledQuery<Func<CopDbContext, int, ActionStatus, int, int, IAsyncEnumerable<PageRow>>> s_pageOfActions = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, int communityId, ActionStatus status, int skip, int take) => db.Actions.AsNoTracking()
            .Where(a => a.CommunityId == communityId && a.Status == status)
            .OrderBy(a => a.DueOn == null).ThenBy(a => a.DueOn).ThenBy(a => a.Id)
            .Skip(skip).Take(take)
            .Select(a => new PageRow(a.Id, a.Description, a.OwnerUser != null ? a.OwnerUser.DisplayName : a.OwnerName, a.DueOn, a.Status,
                a.Meeting != null ? a.Meeting.Title : null, a.Meeting != null ? (DateTimeOffset?)a.Meeting.StartsAt : null))));

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
