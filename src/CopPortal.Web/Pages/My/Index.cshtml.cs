using CopPortal.Domain.Links;
using System.Security.Claims;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.People;
using CopPortal.Domain.Time;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.My;

/// <summary>
/// The signed-in person's home page, whatever their role (/ sends signed-in people here): their communities and
/// join requests; for a core team, what their communities need from them; for staff, the week's counts; for the
/// council, escalations (none can exist until Triple-A reports are built, and the page says so).
/// </summary>
public class IndexModel(CopDbContext db, TimeProvider clock, JoinQueueCounts queueCounts) : PageModel
{
    public List<MembershipRow> Memberships { get; private set; } = [];
    public List<RequestRow> Requests { get; private set; } = [];
    public List<CoreTeamTask> CoreTeamTasks { get; private set; } = [];
    public StaffCounts? Staff { get; private set; }
    public bool IsCouncil { get; private set; }
    public List<UpcomingMeeting> UpcomingMeetings { get; private set; } = [];

    /// <summary>How many upcoming meetings /my lists; the rest are on each community's meetings list.</summary>
    public const int UpcomingShown = 10;

    public sealed record UpcomingMeeting(int Id, string Title, string Community, string Slug, DateTimeOffset StartsAt, bool Cancelled, CopPortal.Domain.Meetings.RsvpAnswer? Rsvp);

    public sealed record MembershipRow(int CommunityId, string Name, string Slug, CommunityRole Role, DateTimeOffset JoinedAt, CommunityStatus Status, DateOnly? ReviewDueOn);

    public sealed record RequestRow(int Id, string Community, string Slug, DateTimeOffset SubmittedAt, JoinRequestStatus Status, string? DecisionReason, string? InformationRequested, int? WaitingListPosition)
    {
        public bool IsOpen => JoinRequest.OpenStatuses.Contains(Status);
    }

    /// <summary>Something a chair, co-chair or secretary can act on, with where to do it.</summary>
    public sealed record CoreTeamTask(string Community, string Text, string? LinkText, string? Href);

    public sealed record StaffCounts(int OpenRequests, int ArrivedThisWeek, int Proposals, int FailedEmails);

    // The home page is the first page of every visit: its queries, the same shape each time, are compiled once.
    private static readonly CompiledQuery<Func<CopDbContext, string, IAsyncEnumerable<MembershipRow>>> s_memberships = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, string userId) => db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderBy(m => m.Community!.Name)
            .Select(m => new MembershipRow(m.CommunityId, m.Community!.Name, m.Community.Slug, m.Role, m.JoinedAt, m.Community.Status, m.Community.TermsReviewDueOn))));

    private static readonly CompiledQuery<Func<CopDbContext, string, IAsyncEnumerable<RequestRow>>> s_requests = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, string userId) => db.JoinRequests.AsNoTracking()
            .Where(r => r.ApplicantId == userId)
            .OrderByDescending(r => r.SubmittedAt)
            .Select(r => new RequestRow(
                r.Id, r.Community!.Name, r.Community.Slug, r.SubmittedAt, r.Status, r.DecisionReason, r.InformationRequested,
                r.Status == JoinRequestStatus.WaitingList
                    ? db.JoinRequests.Count(w => w.CommunityId == r.CommunityId && w.Status == JoinRequestStatus.WaitingList && w.WaitlistedAt < r.WaitlistedAt) + 1
                    : null))));

    // Meetings still to come in every community the person belongs to, with their own RSVP (one query). Read
    // from the person's memberships into each CoP's meetings by (CommunityId, StartsAt), not by testing every
    // future meeting of the network for a membership (that grew with the network: 2,400 meetings at 1x). A
    // meeting under way started at most a day ago.
    private static readonly CompiledQuery<Func<CopDbContext, string, DateTimeOffset, DateTimeOffset, IAsyncEnumerable<UpcomingMeeting>>> s_upcoming = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, string userId, DateTimeOffset startedSince, DateTimeOffset now) => db.Memberships.AsNoTracking()
            .Where(ms => ms.UserId == userId)
            .SelectMany(ms => db.Meetings.Where(m => m.CommunityId == ms.CommunityId && m.StartsAt > startedSince && m.EndsAt > now))
            .OrderBy(m => m.StartsAt).ThenBy(m => m.Id)
            .Take(UpcomingShown)
            .Select(m => new UpcomingMeeting(m.Id, m.Title, m.Community!.Name, m.Community.Slug, m.StartsAt, m.Status == CopPortal.Domain.Meetings.MeetingStatus.Cancelled,
                m.Responses.Where(r => r.UserId == userId).Select(r => (CopPortal.Domain.Meetings.RsvpAnswer?)r.Answer).FirstOrDefault()))));

    public async Task OnGetAsync()
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        Memberships = await s_memberships.For(db)(db, userId).ToListAsync();
        Requests = await s_requests.For(db)(db, userId).ToListAsync();

        var now = clock.GetUtcNow();
        var startedSince = now.AddDays(-1);
        UpcomingMeetings = await s_upcoming.For(db)(db, userId, startedSince, now).ToListAsync();

        var today = LondonTime.Today(clock);
        var coreTeam = Memberships.Where(m => CommunityRoles.IsCoreTeam(m.Role) && m.Status != CommunityStatus.Archived).ToList();
        if (coreTeam.Count > 0)
        {
            var ids = coreTeam.Select(m => m.CommunityId).ToList();
            var waiting = await db.JoinRequests.AsNoTracking()
                .Where(r => ids.Contains(r.CommunityId) && r.InQueue == 1)
                .GroupBy(r => r.CommunityId)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count);
            foreach (var m in coreTeam)
            {
                if (m.Status == CommunityStatus.Draft)
                {
                    CoreTeamTasks.Add(new(m.Name, "This community is a draft that only you, its core team and the network team can see.", "Check its Terms of Reference", PortalPaths.Terms(m.Slug)));
                }
                // Chairs get the review reminder email this many days ahead; the home page shows it from then too.
                if (m.ReviewDueOn is DateOnly due && due <= today.AddDays(TermsReviewReminders.DaysBefore))
                {
                    var when = due < today ? $"was due on {LondonTime.Date(due)}" : $"is due by {LondonTime.Date(due)}";
                    CoreTeamTasks.Add(new(m.Name, $"The annual review of the Terms of Reference {when}.", "Review the Terms of Reference", PortalPaths.TermsEdit(m.Slug)));
                }
                if (waiting.GetValueOrDefault(m.CommunityId) is int count and > 0)
                {
                    CoreTeamTasks.Add(new(m.Name, $"{count} {(count == 1 ? "person is" : "people are")} waiting for the network team to decide on a request to join.", null, null));
                }
            }
        }

        if (User.IsInRole(NetworkRoles.NetworkStaff))
        {
            var weekOf = LondonTime.WeekOf(clock.GetUtcNow());
            // Four counts on every view of the home page: cached like the queue's, dropped when this app saves
            // a request, proposal or email and after JoinQueueCounts.MaxAge for changes made elsewhere.
            var counts = await queueCounts.GetStaffHomeAsync(weekOf, async () => new JoinQueueCounts.StaffHome(
                await db.JoinRequests.CountAsync(r => r.InQueue == 1),
                await db.JoinRequests.CountAsync(r => r.SubmittedWeekOf == weekOf),
                await db.Proposals.CountAsync(p => p.Status == ProposalStatus.Pending),
                await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Failed)));
            Staff = new StaffCounts(counts.OpenRequests, counts.ArrivedThisWeek, counts.Proposals, counts.FailedEmails);
        }
        IsCouncil = User.IsInRole(NetworkRoles.CouncilMember);
    }
}
