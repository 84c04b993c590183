using System.Text;
using CopPortal.Domain.Actions;
using CopPortal.Domain.Data;
using CopPortal.Domain.Library;
using CopPortal.Domain.Links;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Minutes;

/// <summary>One open action shown under "Matters arising": what, who, by when, and which meeting agreed it.</summary>
public sealed record MatterArising(int ActionId, string Description, string OwnerName, DateOnly? DueOn, string? FromMeeting, DateTimeOffset? FromMeetingStartsAt);

/// <summary>The matters arising shown (all, or the first few) and how many open actions there are in all.</summary>
public sealed record MattersArisingList(IReadOnlyList<MatterArising> Actions, int Total)
{
    public static MattersArisingList None { get; } = new([], 0);

    public int Count => Actions.Count;

    /// <summary>True when only the first of the open actions are shown.</summary>
    public bool IsPartial => Actions.Count < Total;
}

/// <summary>
/// The rules agendas and minutes share: starting them (from a template, from the agenda), what "matters arising"
/// holds, and the emails sent when either is published. Callers save; emails are queued in the same unit of work.
/// </summary>
public sealed class MinutesService(CopDbContext db, Outbox outbox, IPortalSite site, TimeProvider clock)
{
    public const string MattersArisingTitle = "Matters arising";

    /// <summary>
    /// The CoP's open actions agreed before this meeting (at earlier meetings, or added on the actions page before
    /// it started): they stay in every agenda's matters arising until they are done or dropped. Soonest due first,
    /// undated last; <paramref name="limit"/> keeps only the first ones (a CoP can have hundreds open), with the
    /// total still counted, in the same round trip.
    /// </summary>
    public async Task<MattersArisingList> MattersArisingAsync(Meeting meeting, int? limit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var query = limit is int n
            ? s_mattersArisingFirst.For(db)(db, meeting.CommunityId, meeting.Id, meeting.StartsAt, n)
            : s_mattersArisingAll.For(db)(db, meeting.CommunityId, meeting.Id, meeting.StartsAt);
        var rows = await query.ToListAsync(cancellationToken);
        var total = limit is null || rows.Count == 0 ? rows.Count : rows[0].Total;
        return new MattersArisingList(rows.Select(r => r.Row).ToList(), total);
    }

    private sealed record MatterArisingRow(MatterArising Row, int Total);

    // The CoP's open actions agreed before the meeting (not its own). "DueOn == null" first in the key puts undated
    // actions last on every provider (nulls sort differently). Compiled: every view of an agenda or minutes runs one of these, and building the LINQ query cost more than running it.
    private static readonly CompiledQuery<Func<CopDbContext, int, int, DateTimeOffset, int, IAsyncEnumerable<MatterArisingRow>>> s_mattersArisingFirst = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, int communityId, int meetingId, DateTimeOffset startsAt, int limit) =>
            db.Actions.AsNoTracking()
                .Where(a => a.CommunityId == communityId && a.Status == ActionStatus.Open && a.MeetingId != meetingId)
                .Where(a => a.Meeting == null ? a.CreatedAt < startsAt : a.Meeting.StartsAt < startsAt)
                .OrderBy(a => a.DueOn == null).ThenBy(a => a.DueOn).ThenBy(a => a.Id)
                .Take(limit)
                .Select(a => new MatterArisingRow(
                    new MatterArising(a.Id, a.Description, a.OwnerName, a.DueOn, a.Meeting == null ? null : a.Meeting.Title, a.Meeting == null ? (DateTimeOffset?)null : a.Meeting.StartsAt),
                    db.Actions.Count(o => o.CommunityId == communityId && o.Status == ActionStatus.Open && o.MeetingId != meetingId
                        && (o.Meeting == null ? o.CreatedAt < startsAt : o.Meeting.StartsAt < startsAt))))));

    private static readonly CompiledQuery<Func<CopDbContext, int, int, DateTimeOffset, IAsyncEnumerable<MatterArisingRow>>> s_mattersArisingAll = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, int communityId, int meetingId, DateTimeOffset startsAt) =>
            db.Actions.AsNoTracking()
                .Where(a => a.CommunityId == communityId && a.Status == ActionStatus.Open && a.MeetingId != meetingId)
                .Where(a => a.Meeting == null ? a.CreatedAt < startsAt : a.Meeting.StartsAt < startsAt)
                .OrderBy(a => a.DueOn == null).ThenBy(a => a.DueOn).ThenBy(a => a.Id)
                .Select(a => new MatterArisingRow(
                    new MatterArising(a.Id, a.Description, a.OwnerName, a.DueOn, a.Meeting == null ? null : a.Meeting.Title, a.Meeting == null ? (DateTimeOffset?)null : a.Meeting.StartsAt),
                    0))));

    /// <summary>
    /// A new agenda for the meeting, from a template's items or empty. It always has a "Matters arising" item (second,
    /// after the welcome, when the template has none), because open actions must be followed up at every meeting.
    /// </summary>
    public Agenda NewAgenda(Meeting meeting, AgendaTemplate? template, string? userId)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var now = clock.GetUtcNow();
        var agenda = new Agenda
        {
            CommunityId = meeting.CommunityId,
            MeetingId = meeting.Id,
            StartedFrom = template?.Name,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedById = userId,
        };
        var items = (template?.Items ?? []).OrderBy(i => i.Position)
            .Select(i => new AgendaItem { Title = i.Title, Description = i.Description, MinutesAllotted = i.MinutesAllotted, Purpose = i.Purpose, IsMattersArising = i.IsMattersArising })
            .ToList();
        if (!items.Any(i => i.IsMattersArising))
        {
            items.Insert(Math.Min(1, items.Count), new AgendaItem { Title = MattersArisingTitle, Description = "Progress on open actions from earlier meetings.", MinutesAllotted = 10, Purpose = AgendaPurpose.Discussion, IsMattersArising = true });
        }
        for (var i = 0; i < items.Count; i++)
        {
            items[i].Position = i + 1;
        }
        agenda.Items = items;
        return agenda;
    }

    /// <summary>The first draft of the minutes: one section per agenda item, in the agenda's order.</summary>
    public MeetingMinutes NewMinutes(Meeting meeting, Agenda? agenda, string? userId, string userName)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var now = clock.GetUtcNow();
        var titles = agenda?.Items.OrderBy(i => i.Position).Select(i => (i.Title, i.IsMattersArising)).ToList() ?? [];
        if (titles.Count == 0)
        {
            titles = [("Welcome, introductions and apologies", false), (MattersArisingTitle, true), ("Any other business", false)];
        }
        return new MeetingMinutes
        {
            CommunityId = meeting.CommunityId,
            MeetingId = meeting.Id,
            Revision = 1,
            Status = MinutesStatus.Draft,
            CreatedAt = now,
            CreatedById = userId,
            UpdatedAt = now,
            UpdatedByName = userName,
            Items = titles.Select((t, i) => new MinutesItem { Position = i + 1, Title = t.Title, IsMattersArising = t.IsMattersArising }).ToList(),
        };
    }

    /// <summary>A correction of approved minutes: a new draft revision copied from the latest, which is kept as it was.</summary>
    public MeetingMinutes NewRevision(MeetingMinutes latest, string reason, string? userId, string userName)
    {
        ArgumentNullException.ThrowIfNull(latest);
        var now = clock.GetUtcNow();
        latest.SupersededAt = now;
        return new MeetingMinutes
        {
            CommunityId = latest.CommunityId,
            MeetingId = latest.MeetingId,
            Revision = latest.Revision + 1,
            Status = MinutesStatus.Draft,
            CorrectionReason = reason,
            OtherNotes = latest.OtherNotes,
            CreatedAt = now,
            CreatedById = userId,
            UpdatedAt = now,
            UpdatedByName = userName,
            SharedWithCouncilAt = null,
            Items = latest.Items.OrderBy(i => i.Position)
                .Select(i => new MinutesItem { Position = i.Position, Title = i.Title, KeyPoints = i.KeyPoints, Decisions = i.Decisions, IsMattersArising = i.IsMattersArising })
                .ToList(),
        };
    }

    /// <summary>Queues "the agenda is ready" to every member of the CoP (topic: minutes and agendas).</summary>
    public Task<int> QueueAgendaPublishedAsync(Meeting meeting, string communityName, string communitySlug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var link = site.Url(PortalPaths.MeetingAgenda(communitySlug, meeting.Id));
        return QueueToMembersAsync(meeting.CommunityId, "agenda.published", $"Agenda: {meeting.Title}, {LondonTime.Date(meeting.StartsAt)}", name =>
            new StringBuilder()
                .Append("Dear ").Append(name).Append(",\n\n")
                .Append("The agenda for ").Append(communityName).Append("'s meeting \"").Append(meeting.Title).Append("\" on ")
                .Append(LondonTime.DateTime(meeting.StartsAt)).Append(" is ready.\n\n")
                .Append("Read it: ").Append(link).Append("\n\n")
                .Append(site.NetworkName).Append('\n').ToString(), cancellationToken);
    }

    /// <summary>Queues "the minutes are published" to every member of the CoP (topic: minutes and agendas).</summary>
    public Task<int> QueueMinutesPublishedAsync(Meeting meeting, MeetingMinutes minutes, string communityName, string communitySlug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(minutes);
        var link = site.Url(PortalPaths.MeetingMinutes(communitySlug, meeting.Id));
        var corrected = minutes.Revision > 1 ? $" (corrected: revision {minutes.Revision})" : "";
        return QueueToMembersAsync(meeting.CommunityId, "minutes.published", $"Minutes{corrected}: {meeting.Title}, {LondonTime.Date(meeting.StartsAt)}", name =>
            new StringBuilder()
                .Append("Dear ").Append(name).Append(",\n\n")
                .Append("The minutes").Append(corrected).Append(" of ").Append(communityName).Append("'s meeting \"").Append(meeting.Title).Append("\" on ")
                .Append(LondonTime.Date(meeting.StartsAt)).Append(" have been approved by the chair and published.\n\n")
                .Append(minutes.CorrectionReason is { Length: > 0 } reason ? "Why they were corrected: " + reason + "\n\n" : "")
                .Append("Read them, and see the actions agreed: ").Append(link).Append("\n\n")
                .Append(site.NetworkName).Append('\n').ToString(), cancellationToken);
    }

    private async Task<int> QueueToMembersAsync(int communityId, string kind, string subject, Func<string, string> body, CancellationToken cancellationToken)
    {
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.CommunityId == communityId && m.User!.ClosedAt == null && m.User.Email != null)
            .Select(m => new { m.UserId, m.User!.Email, m.User.DisplayName })
            .ToListAsync(cancellationToken);
        foreach (var member in members)
        {
            outbox.Enqueue(kind, member.Email!, member.DisplayName, SingleLine.Clean(subject), body(member.DisplayName), topic: EmailTopic.MinutesAndAgendas, userId: member.UserId);
        }
        return members.Count;
    }
}

/// <summary>The library's list of published agendas and minutes (newest meeting first), for one CoP.</summary>
public sealed class PublishedMeetingDocuments(CopDbContext db) : IPublishedMeetingDocuments
{
    public async Task<IReadOnlyList<PublishedMeetingDocument>> ForCommunityAsync(int communityId, CancellationToken cancellationToken = default)
    {
        var slug = await db.Communities.AsNoTracking().Where(c => c.Id == communityId).Select(c => c.Slug).FirstOrDefaultAsync(cancellationToken);
        if (slug is null)
        {
            return [];
        }
        var agendas = await db.Set<Agenda>().AsNoTracking()
            .Where(a => a.CommunityId == communityId && a.PublishedAt != null)
            .Select(a => new { a.MeetingId, a.Meeting!.Title, a.Meeting.StartsAt, PublishedAt = a.PublishedAt!.Value })
            .ToListAsync(cancellationToken);
        var minutes = await db.Set<MeetingMinutes>().AsNoTracking()
            .Where(m => m.CommunityId == communityId && m.PublishedAt != null)
            .Select(m => new { m.MeetingId, m.Meeting!.Title, m.Meeting.StartsAt, PublishedAt = m.PublishedAt!.Value, m.Revision })
            .ToListAsync(cancellationToken);
        var documents = agendas.Select(a => new PublishedMeetingDocument(a.MeetingId, a.Title, a.StartsAt, "Agenda", a.PublishedAt, PortalPaths.MeetingAgenda(slug, a.MeetingId)))
            .Concat(minutes.GroupBy(m => m.MeetingId).Select(g => g.MaxBy(m => m.Revision)!)
                .Select(m => new PublishedMeetingDocument(m.MeetingId, m.Title, m.StartsAt, "Minutes", m.PublishedAt, PortalPaths.MeetingMinutes(slug, m.MeetingId))));
        return documents.OrderByDescending(d => d.MeetingStartsAt).ThenBy(d => d.Kind, StringComparer.Ordinal).ToList();
    }

    /// <summary>Published agendas plus meetings with published minutes (each meeting's minutes are one document, whatever their revisions).</summary>
    public Task<int> CountForCommunityAsync(int communityId, CancellationToken cancellationToken = default) =>
        s_count.For(db)(db, communityId, cancellationToken);

    // Compiled: every view of a library runs it.
    private static readonly CompiledQuery<Func<CopDbContext, int, CancellationToken, Task<int>>> s_count = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, int communityId, CancellationToken _) => db.Communities.AsNoTracking().Where(c => c.Id == communityId)
            .Select(c => db.Set<Agenda>().Count(a => a.CommunityId == communityId && a.PublishedAt != null)
                + db.Set<MeetingMinutes>().Where(m => m.CommunityId == communityId && m.PublishedAt != null).Select(m => m.MeetingId).Distinct().Count())
            .FirstOrDefault()));
}
