using CopPortal.Domain.Data;
using CopPortal.Domain.Escalations;
using CopPortal.Domain.Links;
using CopPortal.Domain.Meetings;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Security;
using CopPortal.Web.Pages.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>
/// The CoP's own Triple-A reports, for its core team and staff: held meetings still waiting for a report (overdue
/// ones marked), then every report, newest meeting first, a page at a time, with each point's category, status and
/// outcome. Four queries whatever the number of reports.
/// </summary>
[CommunityOperation(nameof(CommunityOperations.RunCommunity))]
public class ReportsModel(CopDbContext db, TimeProvider clock) : CommunityPageModel
{
    public const int PageSize = 10;

    /// <summary>How many waiting meetings are listed; an old CoP's backlog is counted, not listed whole.</summary>
    public const int DueListed = 20;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public sealed record Due(int MeetingId, string Title, DateTimeOffset StartsAt, bool HasDraft, bool IsOverdue);

    public sealed record ReportRow(int MeetingId, string MeetingTitle, DateTimeOffset MeetingStartsAt, ReportStatus Status, DateTimeOffset? SubmittedAt, List<PointRow> Points);

    public sealed record PointRow(int Id, string Title, TripleACategory Category, PointKind Kind, PointStatus Status, string? Destination, string? Outcome, DateTimeOffset? OutcomeRecordedAt, bool Shared);

    public List<Due> Waiting { get; private set; } = [];
    public int WaitingTotal { get; private set; }
    public List<ReportRow> Reports { get; private set; } = [];
    public Pager Pager { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync()
    {
        var now = clock.GetUtcNow();
        var overdueFrom = now.AddDays(-EscalationService.OverdueAfterDays);
        var communityId = Community.Id;

        // Held, not cancelled, and no submitted report: the same rule as the reminder and the staff's overdue list.
        var waiting = db.Meetings.AsNoTracking()
            .Where(m => m.CommunityId == communityId && m.Status != MeetingStatus.Cancelled && m.StartsAt <= now
                && !db.TripleAReports.Any(r => r.MeetingId == m.Id && r.Status == ReportStatus.Submitted));
        WaitingTotal = await waiting.CountAsync();
        Waiting = await waiting.OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id).Take(DueListed)
            .Select(m => new Due(m.Id, m.Title, m.StartsAt, db.TripleAReports.Any(r => r.MeetingId == m.Id), m.StartsAt <= overdueFrom))
            .ToListAsync();

        var reports = db.TripleAReports.AsNoTracking().Where(r => r.CommunityId == communityId);
        Pager = new Pager(PageNumber, PageSize, await reports.CountAsync(), PortalPaths.CommunityReports(Community.Slug), new Dictionary<string, string?>());
        Reports = await reports
            .OrderByDescending(r => r.Meeting!.StartsAt).ThenByDescending(r => r.Id)
            .Skip(Pager.Skip).Take(PageSize)
            .Select(r => new ReportRow(r.MeetingId, r.Meeting!.Title, r.Meeting.StartsAt, r.Status, r.SubmittedAt,
                r.Points.OrderBy(p => p.Id)
                    .Select(p => new PointRow(p.Id, p.Title, p.Category, p.Kind, p.Status, p.Destination == null ? null : p.Destination.Name, p.Outcome, p.OutcomeRecordedAt, p.OutcomeSharedWithMembers))
                    .ToList()))
            .ToListAsync();
        return Page();
    }

    /// <summary>When a meeting's report falls due.</summary>
    public static DateTimeOffset DueBy(DateTimeOffset startsAt) => startsAt.AddDays(EscalationService.OverdueAfterDays);
}
