using System.Globalization;
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
        var requested = Math.Max(1, page ?? 1);
        // Every viewer sees the same list: kept (ContentCache) until something is committed or the next upcoming
        // meeting ends (it then moves to the past ones).
        var list = await SharedAsync(db, Key("meetings", requested), () => LoadAsync(now, requested), l => now < l.ValidUntil);
        (PageNumber, PageCount) = (list.PageNumber, list.PageCount);
        Upcoming = list.Rows.Where(r => r.EndsAt > now).OrderBy(r => r.StartsAt).ThenBy(r => r.Id).ToList();
        Past = list.Rows.Where(r => r.EndsAt <= now).OrderByDescending(r => r.StartsAt).ThenByDescending(r => r.Id).ToList();
        return Page();
    }

    private sealed record MeetingList(List<Row> Rows, int PageNumber, int PageCount, DateTimeOffset ValidUntil);

    private async Task<MeetingList> LoadAsync(DateTimeOffset now, int pageNumber)
    {
        var rows = await ListAsync(now, pageNumber);
        var pastCount = rows.Count > 0 ? rows[0].PastCount : 0;
        if (pageNumber > 1 && !rows.Any(r => r.Row.EndsAt <= now))
        {
            // A page past the end (an old link): show the last one.
            pastCount = await db.Meetings.CountAsync(m => m.CommunityId == Community.Id && m.EndsAt <= now);
            pageNumber = Math.Max(1, (pastCount + PageSize - 1) / PageSize);
            rows = await ListAsync(now, pageNumber);
        }
        var upcomingEnds = rows.Where(r => r.Row.EndsAt > now).Select(r => r.Row.EndsAt);
        return new MeetingList(rows.ConvertAll(r => r.Row), pageNumber, Math.Max(1, (pastCount + PageSize - 1) / PageSize),
            upcomingEnds.Any() ? upcomingEnds.Min() : DateTimeOffset.MaxValue);
    }

    private sealed record ListRow(Row Row, int PastCount);

    private async Task<List<ListRow>> ListAsync(DateTimeOffset now, int pageNumber)
    {
        return await s_list.For(db)(db, Community.Id, now, (pageNumber - 1) * PageSize).ToListAsync();
    }

    // Upcoming meetings (a year at most, as a series is generated a year ahead, so shown whole) and one page of
    // past ones (newest first) with their count, in one round trip.
    private static readonly CompiledQuery<Func<CopDbContext, int, DateTimeOffset, int, IAsyncEnumerable<ListRow>>> s_list = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, int communityId, DateTimeOffset now, int skip) =>
            db.Meetings.Where(m => m.CommunityId == communityId && m.EndsAt > now).OrderBy(m => m.StartsAt).Take(200)
                .Concat(db.Meetings.Where(m => m.CommunityId == communityId && m.EndsAt <= now)
                    .OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id).Skip(skip).Take(PageSize))
                .AsNoTracking()
                .Select(m => new ListRow(
                    new Row(m.Id, m.Title, m.SessionType, m.Mode, m.StartsAt, m.EndsAt, m.Status),
                    db.Meetings.Count(p => p.CommunityId == communityId && p.EndsAt <= now)))));
}
