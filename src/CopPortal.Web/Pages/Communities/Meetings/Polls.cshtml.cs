using CopPortal.Domain.Data;
using CopPortal.Domain.Meetings.Polls;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>The CoP's polls to find a date: open ones to answer, then decided and closed ones.</summary>
[CommunityOperation(nameof(CommunityOperations.ViewMemberContent))]
public class PollsModel(CopDbContext db, TimeProvider clock) : CommunityPageModel
{
    public const int Shown = 50;

    public List<Row> Open { get; private set; } = [];
    public List<Row> Past { get; private set; } = [];

    public sealed record Row(int Id, string Title, DateTimeOffset ClosesAt, int Options, DateTimeOffset? MeetingStartsAt);

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        var communityId = Community.Id;
        var polls = db.MeetingPolls.AsNoTracking().Where(p => p.CommunityId == communityId);
        // Filtered before the projection: EF cannot translate a filter on a record built in the select.
        Open = await polls.Where(p => p.MeetingId == null && p.ClosesAt > now).OrderBy(p => p.ClosesAt).Take(Shown)
            .Select(p => new Row(p.Id, p.Title, p.ClosesAt, p.Options.Count, null)).ToListAsync();
        Past = await polls.Where(p => p.MeetingId != null || p.ClosesAt <= now).OrderByDescending(p => p.ClosesAt).Take(Shown)
            .Select(p => new Row(p.Id, p.Title, p.ClosesAt, p.Options.Count, p.Meeting != null ? p.Meeting.StartsAt : null)).ToListAsync();
    }
}
