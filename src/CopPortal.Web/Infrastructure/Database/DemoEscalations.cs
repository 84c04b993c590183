using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Escalations;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Infrastructure.Database;

/// <summary>
/// Triple-A reports for the demo network's recent held meetings, in every state: a draft, submitted points waiting
/// for the council, under review, routed, with outcomes (one shared with members) and closed; Advise, Assure and
/// Alert points and commendations. Uses the held meetings already in the database, or makes a few when there are none,
/// and makes sure one meeting is overdue (held over 14 days ago with no submitted report).
/// </summary>
public static class DemoEscalations
{
    public static async Task LoadAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<CopDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var practitioners = await db.Communities.FirstOrDefaultAsync(c => c.Slug == DemoData.PractitionersSlug);
        if (practitioners is null || await db.TripleAReports.AnyAsync())
        {
            return;
        }
        var council = await db.Users.Where(u => u.Email == DemoData.CouncilEmail).Select(u => u.Id).FirstAsync();
        var chair = await db.Users.Where(u => u.Email == DemoData.ChairEmail).Select(u => u.Id).FirstAsync();
        var destinations = await db.EscalationDestinations.ToDictionaryAsync(d => d.Name);

        var held = await db.Meetings.Where(m => m.CommunityId == practitioners.Id && m.Status != MeetingStatus.Cancelled && m.StartsAt <= now)
            .OrderByDescending(m => m.StartsAt).Take(4).ToListAsync();
        for (var i = held.Count; i < 4; i++)
        {
            // About monthly, the most recent ten days ago.
            var starts = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-10 - (30 * i)).AddHours(13);
            var meeting = new Meeting
            {
                CommunityId = practitioners.Id,
                Title = "Monthly community meeting",
                StartsAt = starts,
                EndsAt = starts.AddHours(1.5),
                Mode = MeetingMode.Online,
                CalendarUid = $"demo-triple-a-{i}-{Guid.NewGuid():N}@copportal",
                CreatedAt = starts.AddDays(-40),
                UpdatedAt = starts.AddDays(-40),
            };
            db.Meetings.Add(meeting);
            held.Add(meeting);
        }
        await db.SaveChangesAsync();
        held = [.. held.OrderByDescending(m => m.StartsAt)];

        TripleAReport Report(Meeting meeting, string content, bool submitted)
        {
            var at = meeting.StartsAt.AddDays(5);
            return new TripleAReport
            {
                CommunityId = meeting.CommunityId,
                MeetingId = meeting.Id,
                Content = content,
                Status = submitted ? ReportStatus.Submitted : ReportStatus.Draft,
                CreatedById = chair,
                CreatedAt = meeting.StartsAt.AddDays(1),
                UpdatedAt = at,
                SubmittedById = submitted ? chair : null,
                SubmittedAt = submitted ? at : null,
            };
        }
        EscalationPoint Point(TripleAReport report, TripleACategory category, PointKind kind, string title, string detail, PointStatus status)
        {
            var point = new EscalationPoint
            {
                CommunityId = report.CommunityId,
                Category = category,
                Kind = kind,
                Title = title,
                Detail = detail,
                Status = status,
                SubmittedAt = report.SubmittedAt,
            };
            report.Points.Add(point);
            return point;
        }
        void Review(EscalationPoint point, string destination, string? outcome, int days, bool close = false, bool share = false)
        {
            point.AssignedToId = council;
            point.Status = PointStatus.UnderReview;
            point.Route(destinations[destination], point.SubmittedAt!.Value.AddDays(Math.Max(1, days / 2)));
            if (outcome is not null)
            {
                point.RecordOutcome(outcome, point.SubmittedAt!.Value.AddDays(days));
                point.OutcomeSharedWithMembers = share;
                if (close)
                {
                    point.Close(point.SubmittedAt!.Value.AddDays(days + 2));
                }
            }
        }

        var draft = Report(held[0], "Spotlight session on group supervision models in Talking Therapies services; 23 attended.", submitted: false);
        Point(draft, TripleACategory.Advise, PointKind.Escalation, "Supervision guidance for new PWPs",
            "Members asked for regional guidance on supervision ratios for newly qualified PWPs.", PointStatus.Draft);

        var waiting = Report(held[1], "Themed discussion on recruitment and retention; shared exit-interview themes from three trusts.", submitted: true);
        Point(waiting, TripleACategory.Alert, PointKind.Escalation, "Rising vacancy rates in step 2 teams",
            "Three trusts report PWP vacancy rates above 20%, with waiting times rising as a result.", PointStatus.Submitted);
        var review = Point(waiting, TripleACategory.Assure, PointKind.Commendation, "Preceptorship programme retaining staff",
            "One trust's preceptorship programme has kept every first-year PWP for two years running.", PointStatus.Submitted);
        review.AssignedToId = council;
        review.Status = PointStatus.UnderReview;

        var routed = Report(held[2], "Case discussion and a presentation on digital therapy platforms.", submitted: true);
        Review(Point(routed, TripleACategory.Alert, PointKind.Escalation, "Digital platform contracts ending in March",
            "Two services lose their digital CBT platform in March with no replacement procured.", PointStatus.Submitted),
            "The regional leads group", "The regional leads group has agreed a joint procurement; services keep access until a new contract starts.", 12, share: true);
        Review(Point(routed, TripleACategory.Advise, PointKind.Escalation, "Training places for CYWP top-up",
            "Members would like the directorate to fund top-up training for CYWPs moving into adult services.", PointStatus.Submitted),
            "The national workforce, training and education directorate", null, 8);

        var closed = Report(held[3], "Reflective practice session and planning for the year ahead.", submitted: true);
        Review(Point(closed, TripleACategory.Assure, PointKind.Commendation, "Peer support network for new practitioners",
            "The community's peer support pairs have supported 40 new practitioners this year.", PointStatus.Submitted),
            "The Workforce Council", "The Workforce Council thanked the community and will feature the scheme in its annual report.", 20, close: true);

        db.TripleAReports.AddRange(draft, waiting, routed, closed);
        await db.SaveChangesAsync();

        // An overdue meeting (held over 14 days ago, no submitted report) for the CoP's list and the staff's list.
        // The demo meetings may already give one; otherwise add one inside the reminder window.
        var overdueFrom = now.AddDays(-EscalationService.OverdueAfterDays);
        var remindSince = now.AddDays(-EscalationService.RemindWithinDays);
        var hasOverdue = await db.Meetings.AnyAsync(m => m.CommunityId == practitioners.Id && m.Status != MeetingStatus.Cancelled
            && m.StartsAt <= overdueFrom && m.StartsAt >= remindSince
            && !db.TripleAReports.Any(r => r.MeetingId == m.Id && r.Status == ReportStatus.Submitted));
        if (!hasOverdue)
        {
            var starts = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-EscalationService.OverdueAfterDays - 5).AddHours(14);
            db.Meetings.Add(new Meeting
            {
                CommunityId = practitioners.Id,
                Title = "Spotlight session: digital therapies",
                StartsAt = starts,
                EndsAt = starts.AddHours(1),
                Mode = MeetingMode.Online,
                CalendarUid = $"demo-triple-a-overdue-{Guid.NewGuid():N}@copportal",
                CreatedAt = starts.AddDays(-30),
                UpdatedAt = starts.AddDays(-30),
            });
            await db.SaveChangesAsync();
        }
        db.ChangeTracker.Clear();
    }
}
