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

    public ActionStatus Status { get; private set; }
    public List<ActionRow> Actions { get; private set; } = [];
    public Dictionary<ActionStatus, int> Counts { get; private set; } = [];

    public bool CanAdd => May(nameof(CommunityOperations.RunCommunity)) && !IsArchived;

    public async Task OnGetAsync(string? status)
    {
        // An unknown filter shows the open ones rather than an error.
        Status = Enum.TryParse<ActionStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(status, out _) ? s : ActionStatus.Open;
        var today = LondonTime.Today(clock);
        var mine = db.Actions.AsNoTracking().Where(a => a.CommunityId == Community.Id);
        Counts = await mine.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var rows = await mine.Where(a => a.Status == Status)
            .OrderBy(a => a.DueOn == null).ThenBy(a => a.DueOn).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.Description,
                Owner = a.OwnerUser != null ? a.OwnerUser.DisplayName : a.OwnerName,
                a.DueOn,
                a.Status,
                MeetingTitle = a.Meeting != null ? a.Meeting.Title : null,
                MeetingStartsAt = a.Meeting != null ? (DateTimeOffset?)a.Meeting.StartsAt : null,
            })
            .ToListAsync();
        Actions = rows.Select(a => new ActionRow(a.Id, a.Description, a.Owner, a.DueOn, a.Status, a.MeetingTitle, a.MeetingStartsAt,
            a.Status == ActionStatus.Open && a.DueOn is { } due && due < today)).ToList();
    }

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
