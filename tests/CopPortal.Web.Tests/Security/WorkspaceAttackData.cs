using System.Globalization;
using System.Text;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.Meetings.Polls;
using CopPortal.Domain.Minutes;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Security;

/// <summary>One of everything a CoP's workspaces hold, made in one CoP, with the ids the attack probes need.</summary>
internal sealed record Workspace(
    string Slug,
    int Meeting,
    int Poll,
    int HeldMeeting,
    int AgendaItem,
    int Folder,
    int Document,
    int Action,
    int Thread,
    int Post,
    int ForumReport,
    int ReportMeeting,
    int Point)
{
    /// <summary>Every workspace page that shows one of this CoP's objects, under <paramref name="slug"/> (this CoP's own by default).</summary>
    public IReadOnlyList<string> ChildPages(string? slug = null)
    {
        var s = slug ?? Slug;
        return
        [
            PortalPaths.Meeting(s, Meeting),
            PortalPaths.MeetingIcs(s, Meeting),
            PortalPaths.MeetingEdit(s, Meeting),
            PortalPaths.MeetingCancel(s, Meeting),
            PortalPaths.Meeting(s, Meeting) + "/respond",
            PortalPaths.MeetingGuests(s, Meeting),
            PortalPaths.MeetingAttendance(s, HeldMeeting),
            PortalPaths.MeetingPoll(s, Poll),
            PortalPaths.MeetingAgenda(s, HeldMeeting),
            PortalPaths.MeetingAgendaPdf(s, HeldMeeting),
            PortalPaths.MeetingAgendaItem(s, HeldMeeting, AgendaItem),
            PortalPaths.MeetingMinutes(s, HeldMeeting),
            PortalPaths.MeetingMinutesPdf(s, HeldMeeting),
            PortalPaths.MeetingMinutesRevision(s, HeldMeeting, 1),
            PortalPaths.MeetingReport(s, ReportMeeting),
            PortalPaths.LibraryFolder(s, Folder),
            PortalPaths.LibraryDocument(s, Document),
            PortalPaths.LibraryDownload(s, Document, 1),
            PortalPaths.Action(s, Action),
            PortalPaths.ForumThread(s, Thread),
            PortalPaths.EditForumPost(s, Post),
            PortalPaths.RemoveForumPost(s, Post),
            PortalPaths.ReportForumPost(s, Post),
            PortalPaths.ForumReport(s, ForumReport),
        ];
    }

    /// <summary>The workspace pages of the CoP that list its objects, and the network pages over all of them.</summary>
    public IReadOnlyList<string> ListPages() =>
    [
        PortalPaths.Meetings(Slug),
        PortalPaths.MeetingPolls(Slug),
        PortalPaths.Library(Slug),
        PortalPaths.Actions(Slug),
        PortalPaths.Forum(Slug),
        PortalPaths.ForumReports(Slug),
    ];

    public static async Task<Workspace> CreateAsync(PortalFactory portal, string slug)
    {
        Workspace? made = null;
        await portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<CopDbContext>();
            var now = portal.Clock.GetUtcNow();
            var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Slug == slug);
            var chair = await db.Users.Where(u => u.Email == DemoData.ChairEmail).Select(u => u.Id).SingleAsync();
            var member = await db.Memberships.Where(m => m.CommunityId == community.Id && m.Role == CommunityRole.Member)
                .OrderBy(m => m.UserId).Select(m => m.UserId).FirstAsync();
            var tag = Guid.NewGuid().ToString("N")[..8];

            var start = now.AddDays(14);
            var meeting = new Meeting { CommunityId = community.Id, Title = "Probe meeting " + tag, StartsAt = start, EndsAt = start.AddHours(1), CalendarUid = "probe-" + tag, CreatedAt = now, UpdatedAt = now };
            var poll = new Poll { CommunityId = community.Id, Title = "Probe poll " + tag, ClosesAt = start, CreatedAt = now, Options = [new() { StartsAt = start.AddDays(1), EndsAt = start.AddDays(1).AddHours(1) }, new() { StartsAt = start.AddDays(2), EndsAt = start.AddDays(2).AddHours(1) }] };
            var heldAt = now.AddDays(-7);
            var held = new Meeting { CommunityId = community.Id, Title = "Probe held meeting " + tag, StartsAt = heldAt, EndsAt = heldAt.AddHours(2), CalendarUid = "probe-held-" + tag, CreatedAt = heldAt, UpdatedAt = heldAt };
            var reportAt = now.AddDays(-1);
            var reportMeeting = new Meeting { CommunityId = community.Id, Title = "Probe report meeting " + tag, StartsAt = reportAt, EndsAt = reportAt.AddHours(1), CalendarUid = "probe-report-" + tag, CreatedAt = reportAt, UpdatedAt = reportAt };
            db.Meetings.AddRange(meeting, held, reportMeeting);
            db.MeetingPolls.Add(poll);
            await db.SaveChangesAsync();

            var agenda = new Agenda { CommunityId = community.Id, MeetingId = held.Id, CreatedAt = heldAt, UpdatedAt = heldAt, PublishedAt = heldAt, Items = [new() { Position = 1, Title = "Welcome" }] };
            var minutes = new MeetingMinutes { CommunityId = community.Id, MeetingId = held.Id, Status = MinutesStatus.Published, CreatedAt = heldAt, UpdatedAt = heldAt, ApprovedAt = heldAt, ApprovedByName = "Probe Chair", PublishedAt = heldAt, SharedWithCouncilAt = heldAt, Items = [new() { Position = 1, Title = "Welcome" }] };
            db.Agendas.Add(agenda);
            db.MeetingMinutes.Add(minutes);
            var report = new CopPortal.Domain.Escalations.TripleAReport { CommunityId = community.Id, MeetingId = reportMeeting.Id, Content = "Probe", Status = CopPortal.Domain.Escalations.ReportStatus.Submitted, SubmittedAt = now };
            report.Points.Add(new CopPortal.Domain.Escalations.EscalationPoint { CommunityId = community.Id, Title = "Probe point " + tag, Detail = "Probe", Status = CopPortal.Domain.Escalations.PointStatus.Submitted, SubmittedAt = now });
            db.TripleAReports.Add(report);
            await db.SaveChangesAsync();

            var library = services.GetRequiredService<CopPortal.Domain.Library.LibraryService>();
            var store = services.GetRequiredService<CopPortal.Web.Infrastructure.Files.IFileStore>();
            var folder = (await library.FoldersAsync(community.Id))[0];
            using var content = new MemoryStream(Encoding.UTF8.GetBytes("Probe"));
            var stored = await store.SaveAsync(content);
            var document = await library.AddAsync(community.Id, folder.Id, "Probe document " + tag, new(stored.StoredName, "probe.txt", "text/plain; charset=utf-8", stored.Length), null, chair, suggestion: false);
            var action = await services.GetRequiredService<CopPortal.Domain.Actions.ActionService>().AddAsync(community.Id, "Probe action " + tag, chair, "Chair", null, chair, "Chair");

            var forum = services.GetRequiredService<CopPortal.Domain.Forum.ForumService>();
            var post = await forum.StartThreadAsync(community.Id, member, "Probe thread " + tag, "Probe post.", Guid.NewGuid(), acceptsGroundRules: false);
            await forum.ReportAsync(post, chair, "Probe report");
            var forumReport = await db.ForumReports.Where(r => r.PostId == post.Id).Select(r => r.Id).FirstAsync();

            made = new Workspace(slug, meeting.Id, poll.Id, held.Id, agenda.Items[0].Id, folder.Id, document.Id, action.Id, post.ThreadId, post.Id, forumReport, reportMeeting.Id, report.Points[0].Id);
        });
        return made!;
    }

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
