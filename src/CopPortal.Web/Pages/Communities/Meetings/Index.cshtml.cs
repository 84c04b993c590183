using CopPortal.Domain.Data;
using CopPortal.Domain.Meetings;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>A CoP's meetings: what is coming up, then past meetings a page at a time (newest first).</summary>
[CommunityOperation(nameof(CommunityOperations.ViewMemberContent))]
public class IndexModel(CopDbContext db, TimeProvider clock) : CommunityPageModel
{
    public const int PageSize = 20;

    public sealed record Row(int Id, string Title, MeetingSessionType SessionType, MeetingMode Mode, DateTimeOffset StartsAt, DateTimeOffset EndsAt, MeetingStatus Status);

    public IReadOnlyList<Row> Upcoming { get; private set; } = [];
    public IReadOnlyList<Row> Past { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page)
    {
        var now = clock.GetUtcNow();
        var communityId = Community.Id;
        var meetings = db.Meetings.AsNoTracking().Where(m => m.CommunityId == communityId);
        // Upcoming is a year at most (a series is generated a year ahead), so it is shown whole.
        Upcoming = await meetings.Where(m => m.EndsAt > now).OrderBy(m => m.StartsAt)
            .Select(m => new Row(m.Id, m.Title, m.SessionType, m.Mode, m.StartsAt, m.EndsAt, m.Status))
            .Take(200).ToListAsync();
        var pastCount = await meetings.CountAsync(m => m.EndsAt <= now);
        PageCount = Math.Max(1, (pastCount + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(page ?? 1, 1, PageCount);
        Past = await meetings.Where(m => m.EndsAt <= now).OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(m => new Row(m.Id, m.Title, m.SessionType, m.Mode, m.StartsAt, m.EndsAt, m.Status))
            .ToListAsync();
        return Page();
    }
}
