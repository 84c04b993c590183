using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.People;
using CopPortal.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Escalations;

/// <summary>
/// Triple-A reports and the council's review of their points. Every change is saved in one SaveChanges with its
/// emails (outbox) and audit entries; confidential text is kept out of the audit by <see cref="Auditing.AuditConfidentialAttribute"/>.
/// </summary>
public class EscalationService(CopDbContext db, Outbox outbox, TimeProvider clock, IPortalSite site)
{
    public const string ConcurrencyMessage = "Someone else changed this while you were looking at it. We have not saved your change: check what it says now and try again.";

    /// <summary>A new draft for a held meeting (not yet saved). One report per meeting.</summary>
    public TripleAReport NewDraft(Meeting meeting, string userId)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var now = clock.GetUtcNow();
        var report = new TripleAReport
        {
            CommunityId = meeting.CommunityId,
            MeetingId = meeting.Id,
            CreatedById = userId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.TripleAReports.Add(report);
        return report;
    }

    /// <summary>Applies a save with the stamp the editor saw; false when someone else saved in between (nothing saved).</summary>
    public async Task<bool> SaveAsync(TripleAReport report, Guid? seenStamp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (seenStamp is { } seen && db.Entry(report).State != EntityState.Added)
        {
            db.Entry(report).Property(r => r.ConcurrencyStamp).OriginalValue = seen;
        }
        report.ConcurrencyStamp = Guid.NewGuid();
        report.UpdatedAt = clock.GetUtcNow();
        return await TrySaveAsync(cancellationToken);
    }

    /// <summary>Why the report cannot be submitted yet, or null when it can.</summary>
    public static string? SubmitProblem(TripleAReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.IsSubmitted)
        {
            return "This report has already been submitted.";
        }
        if (string.IsNullOrWhiteSpace(report.Content))
        {
            return "Enter the meeting's content and outputs before submitting the report";
        }
        return report.Points.Count == 0 ? "Add at least one point for escalation or commendation before submitting the report" : null;
    }

    /// <summary>Submits a complete draft: it becomes read-only to the CoP and its points join the council's queue.</summary>
    public async Task<string?> SubmitAsync(TripleAReport report, string userId, Guid? seenStamp, CancellationToken cancellationToken = default)
    {
        if (SubmitProblem(report) is { } problem)
        {
            return problem;
        }
        var now = clock.GetUtcNow();
        report.Status = ReportStatus.Submitted;
        report.SubmittedAt = now;
        report.SubmittedById = userId;
        foreach (var point in report.Points)
        {
            point.Status = PointStatus.Submitted;
            point.SubmittedAt = now;
        }
        await QueueSubmittedEmailsAsync(report, cancellationToken);
        return await SaveAsync(report, seenStamp, cancellationToken) ? null : ConcurrencyMessage;
    }

    /// <summary>
    /// Tells each council member about a newly submitted report, in the same save as the submission. The email gives
    /// the CoP, the meeting date, counts by category and the Alerts' titles; the content and each point's detail stay
    /// behind the sign-in (an inbox is read on shared and mobile screens, and forwarded).
    /// </summary>
    private async Task QueueSubmittedEmailsAsync(TripleAReport report, CancellationToken cancellationToken)
    {
        var council = await CouncilMembersAsync(cancellationToken);
        if (council.Count == 0)
        {
            return;
        }
        var community = report.Community ?? await db.Communities.AsNoTracking().FirstAsync(c => c.Id == report.CommunityId, cancellationToken);
        var meeting = report.Meeting ?? await db.Meetings.AsNoTracking().FirstAsync(m => m.Id == report.MeetingId, cancellationToken);
        var summary = SubmittedSummary(report.Points);
        var alerts = report.Points.Where(p => p.Category == TripleACategory.Alert).Select(p => "- " + SingleLine.Clean(p.Title)).ToList();
        var alertLines = alerts.Count == 0 ? "There are no Alerts in this report." : "Alerts:\n" + string.Join("\n", alerts);
        var date = LondonTime.Date(meeting.StartsAt);
        foreach (var (userId, email, name) in council)
        {
            outbox.Enqueue(
                "escalation.submitted",
                email,
                name,
                SingleLine.Clean($"Triple-A report from {community.Name}, {date}" + (alerts.Count == 0 ? "" : alerts.Count == 1 ? ": 1 Alert" : $": {alerts.Count} Alerts")),
                $"""
                Dear {name},

                {community.Name} has submitted its Triple-A report for its meeting on {date}.

                {summary}

                {alertLines}

                Read the points and review them in the council's queue (you will need to sign in):
                {site.Url(PortalPaths.CouncilEscalationsFor(community.Id))}
                """,
                topic: EmailTopic.Escalations,
                userId: userId);
        }
    }

    /// <summary>"3 points: 1 Advise, 0 Assure, 2 Alert (2 escalations, 1 commendation)."</summary>
    public static string SubmittedSummary(IReadOnlyCollection<EscalationPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        int Count(TripleACategory category) => points.Count(p => p.Category == category);
        var commendations = points.Count(p => p.Kind == PointKind.Commendation);
        var escalations = points.Count - commendations;
        return $"{Plural(points.Count, "point")}: {Count(TripleACategory.Advise)} Advise, {Count(TripleACategory.Assure)} Assure, {Count(TripleACategory.Alert)} Alert ({Plural(escalations, "escalation")}, {Plural(commendations, "commendation")}).";
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>Everyone in the council role with an open account and an email address.</summary>
    public async Task<List<(string UserId, string Email, string Name)>> CouncilMembersAsync(CancellationToken cancellationToken = default)
    {
        var rows = await (
            from userRole in db.UserRoles
            join role in db.Roles on userRole.RoleId equals role.Id
            join user in db.Users on userRole.UserId equals user.Id
            where role.Name == NetworkRoles.CouncilMember && user.ClosedAt == null && user.Email != null
            orderby user.DisplayName
            select new { user.Id, user.Email, user.DisplayName })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.Email!, r.DisplayName)).ToList();
    }

    /// <summary>
    /// Runs one step of a point's review with the stamp the council member saw. Returns the refusal, or null when
    /// done. Recording an outcome emails the CoP's core team in the same save.
    /// </summary>
    public async Task<string?> ActAsync(EscalationPoint point, Guid seenStamp, Func<EscalationPoint, DateTimeOffset, TransitionResult> step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(step);
        if (point.ConcurrencyStamp != seenStamp)
        {
            return ConcurrencyMessage;
        }
        var before = point.Status;
        var result = step(point, clock.GetUtcNow());
        if (!result.Succeeded)
        {
            return result.Error;
        }
        if (before != PointStatus.OutcomeRecorded && point.Status == PointStatus.OutcomeRecorded)
        {
            await QueueOutcomeEmailsAsync(point, cancellationToken);
        }
        db.Entry(point).Property(p => p.ConcurrencyStamp).OriginalValue = seenStamp;
        point.ConcurrencyStamp = Guid.NewGuid();
        return await TrySaveAsync(cancellationToken) ? null : ConcurrencyMessage;
    }

    private async Task QueueOutcomeEmailsAsync(EscalationPoint point, CancellationToken cancellationToken)
    {
        var community = point.Community ?? await db.Communities.AsNoTracking().FirstAsync(c => c.Id == point.CommunityId, cancellationToken);
        var report = point.Report ?? await db.TripleAReports.AsNoTracking().FirstAsync(r => r.Id == point.ReportId, cancellationToken);
        var coreTeam = await CoreTeamAsync(point.CommunityId, cancellationToken);
        foreach (var (userId, email, name) in coreTeam)
        {
            outbox.Enqueue(
                "escalation.outcome",
                email,
                name,
                SingleLine.Clean($"Triple-A outcome for {community.Name}: {point.Title}"),
                $"""
                Dear {name},

                The Workforce Council has recorded an outcome for a point in {community.Name}'s Triple-A report.

                Point: {point.Title} ({point.Category}, {(point.Kind == PointKind.Commendation ? "commendation" : "escalation")})
                Routed to: {point.Destination?.Name ?? "not routed"}

                Outcome:
                {point.Outcome}

                You can read it, reply to the council and choose whether to share it with your members on the report page:
                {site.Url(PortalPaths.MeetingReport(community.Slug, report.MeetingId))}
                """,
                topic: EmailTopic.Escalations,
                userId: userId);
        }
    }

    /// <summary>The CoP's chairs, co-chairs and secretaries with an email address.</summary>
    public async Task<List<(string UserId, string Email, string Name)>> CoreTeamAsync(int communityId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.CommunityId == communityId)
            .Where(CommunityRoles.CoreTeamFilter)
            .Where(m => m.User!.Email != null)
            .OrderBy(m => m.Role)
            .Select(m => new { m.UserId, m.User!.Email, m.User.DisplayName })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.UserId, r.Email!, r.DisplayName)).ToList();
    }

    public async Task AddCommentAsync(TripleAReport report, int? pointId, string authorId, string authorRole, string body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        db.ReportComments.Add(new ReportComment
        {
            ReportId = report.Id,
            CommunityId = report.CommunityId,
            PointId = pointId,
            AuthorId = authorId,
            AuthorRole = authorRole,
            Body = body.Trim(),
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    // Overdue reports -----------------------------------------------------------------------------------------

    /// <summary>A report is overdue when its meeting was held this many days ago and none has been submitted.</summary>
    public const int OverdueAfterDays = 14;

    /// <summary>
    /// Only meetings held within this many days are reminded: a new deployment (or a new feature) does not email
    /// chairs about every meeting of years past.
    /// </summary>
    public const int RemindWithinDays = 60;

    /// <summary>Held meetings of active CoPs with no submitted report 14 days on, most recent first.</summary>
    public IQueryable<Meeting> Overdue()
    {
        var cutoff = clock.GetUtcNow().AddDays(-OverdueAfterDays);
        return db.Meetings.AsNoTracking()
            .Where(m => m.Status != MeetingStatus.Cancelled && m.StartsAt <= cutoff
                && m.Community!.Status == CommunityStatus.Active
                && !db.TripleAReports.Any(r => r.MeetingId == m.Id && r.Status == ReportStatus.Submitted))
            .OrderByDescending(m => m.StartsAt);
    }

    /// <summary>Emails each overdue meeting's chair and secretary once. Returns how many meetings were reminded.</summary>
    public async Task<int> QueueOverdueRemindersAsync(CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow().AddDays(-RemindWithinDays);
        var due = await Overdue()
            .Where(m => m.StartsAt >= since && !db.ReportReminders.Any(r => r.MeetingId == m.Id))
            .Select(m => new { m.Id, m.Title, m.StartsAt, m.CommunityId, m.Community!.Name, m.Community.Slug })
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }
        var communityIds = due.Select(d => d.CommunityId).Distinct().ToList();
        var people = await db.Memberships.AsNoTracking()
            .Where(m => communityIds.Contains(m.CommunityId) && (m.Role == CommunityRole.Chair || m.Role == CommunityRole.Secretary) && m.User!.Email != null)
            .Select(m => new { m.CommunityId, m.UserId, m.User!.Email, m.User.DisplayName })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var meeting in due)
        {
            foreach (var person in people.Where(p => p.CommunityId == meeting.CommunityId))
            {
                outbox.Enqueue(
                    "escalation.report-overdue",
                    person.Email!,
                    person.DisplayName,
                    SingleLine.Clean($"Triple-A report due: {meeting.Name}, {LondonTime.Date(meeting.StartsAt)}"),
                    $"""
                    Dear {person.DisplayName},

                    {meeting.Name} met on {LondonTime.Date(meeting.StartsAt)} ({meeting.Title}), and its Triple-A report for the Workforce Council has not been submitted yet. Reports are due within {OverdueAfterDays} days of the meeting.

                    Write or finish it here (a chair, co-chair or secretary submits it):
                    {site.Url(PortalPaths.MeetingReport(meeting.Slug, meeting.Id))}

                    This is the only reminder we send about this meeting.
                    """,
                    topic: EmailTopic.Escalations,
                    userId: person.UserId);
            }
            db.ReportReminders.Add(new ReportReminder { MeetingId = meeting.Id, SentAt = now });
        }
        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }

    /// <summary>Seeds the default destinations when the list is empty (a new deployment); staff edit it afterwards.</summary>
    public static async Task EnsureDestinationsAsync(CopDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.EscalationDestinations.AnyAsync(cancellationToken))
        {
            return;
        }
        var order = 0;
        foreach (var name in EscalationDestination.Defaults)
        {
            db.EscalationDestinations.Add(new EscalationDestination { Name = name, SortOrder = order += 10 });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
