using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Meetings;

/// <summary>
/// Calendar invitations by email: a METHOD:REQUEST to every member when a meeting is scheduled, the same UID with a
/// higher SEQUENCE when it changes, METHOD:CANCEL when it is cancelled, invitations to every future meeting for a
/// member who joins and cancellations for one who leaves, and a guest's invitation.
///
/// Each method only queues work in the caller's unit of work: the caller's one SaveChanges commits the change and
/// its emails together. The meeting must already have its id (save it first inside the same transaction), because
/// the links in the email name it.
///
/// A CoP may have 15,000 members, so messages to every member are not written during the request: the request adds
/// one <see cref="MeetingInvitationRun"/> and <see cref="MeetingInvitationFanOut"/> expands it in the background into
/// one outbox message each. Guests (a handful per meeting) and one joining or leaving member are queued directly.
/// </summary>
public sealed class MeetingInvitations(CopDbContext db, Outbox outbox, IPortalSite site, TimeProvider clock, MeetingOrganiser organiser, MeetingRsvpTokens tokens)
{
    public const string InvitationEmail = "meeting.invitation";
    public const string UpdateEmail = "meeting.update";
    public const string CancellationEmail = "meeting.cancellation";
    public const string GuestInvitationEmail = "meeting.guest-invitation";

    internal sealed record Recipient(string UserId, string Email, string Name);

    // One read of the members' high-water mark per CoP per request (a series queues a run per occurrence).
    private readonly Dictionary<int, int> _upToMembership = [];

    /// <summary>Invites every member of the meeting's CoP (and any guests already named) to a newly scheduled meeting.</summary>
    public async Task InviteAllAsync(Meeting meeting, CancellationToken ct = default)
    {
        await CommunityOfAsync(meeting, ct);
        await QueueRunAsync(meeting, MeetingInvitationKind.Invitation, ct);
    }

    /// <summary>Raises the SEQUENCE and sends the changed meeting again (METHOD:REQUEST) to members and guests.</summary>
    public async Task SendUpdateAsync(Meeting meeting, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        meeting.CalendarSequence++;
        var community = await CommunityOfAsync(meeting, ct);
        await QueueRunAsync(meeting, MeetingInvitationKind.Update, ct);
        foreach (var guest in await GuestsAsync(meeting, ct))
        {
            var ics = MeetingCalendar.Invitation(meeting, community.Name, organiser, new CalendarInvitee(guest.Name, guest.Email), site.Url(PortalPaths.Meeting(community.Slug, meeting.Id)), clock.GetUtcNow());
            outbox.Enqueue(UpdateEmail, guest.Email, guest.Name, $"Updated: {meeting.Title} on {LondonTime.DateTime(meeting.StartsAt)}",
                $"""
                Dear {guest.Name},

                The details of {meeting.Title} ({community.Name}), which you were invited to, have changed. It is now on {LondonTime.DateTime(meeting.StartsAt)}.

                Your calendar will update from this email. The link in your first invitation still takes you to the meeting's page.

                {site.NetworkName} team
                """, calendar: ics);
        }
    }

    /// <summary>Raises the SEQUENCE and sends METHOD:CANCEL to members and guests (set the meeting's status and reason first).</summary>
    public async Task SendCancellationAsync(Meeting meeting, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        meeting.CalendarSequence++;
        var community = await CommunityOfAsync(meeting, ct);
        await QueueRunAsync(meeting, MeetingInvitationKind.Cancellation, ct);
        foreach (var guest in await GuestsAsync(meeting, ct))
        {
            EnqueueCancel(meeting, community, guest.Email, guest.Name, null, meeting.CancellationReason);
        }
    }

    /// <summary>The durable "tell every member" work item, expanded later by <see cref="MeetingInvitationFanOut"/>.</summary>
    private async Task QueueRunAsync(Meeting meeting, MeetingInvitationKind kind, CancellationToken ct)
    {
        if (!_upToMembership.TryGetValue(meeting.CommunityId, out var upTo))
        {
            var communityId = meeting.CommunityId;
            upTo = await db.Memberships.Where(m => m.CommunityId == communityId).MaxAsync(m => (int?)m.Id, ct) ?? 0;
            _upToMembership[communityId] = upTo;
        }
        db.MeetingInvitationRuns.Add(new MeetingInvitationRun
        {
            MeetingId = meeting.Id,
            Kind = kind,
            Sequence = meeting.CalendarSequence,
            UpToMembershipId = upTo,
            CreatedAt = clock.GetUtcNow(),
        });
    }

    /// <summary>Queues one member's message of a run (called by the fan-out for each member of a batch).</summary>
    internal void EnqueueForMember(Meeting meeting, CommunityNames community, MeetingInvitationKind kind, Recipient member)
    {
        switch (kind)
        {
            case MeetingInvitationKind.Cancellation:
                EnqueueCancel(meeting, community, member.Email, member.Name, member.UserId, meeting.CancellationReason);
                break;
            case MeetingInvitationKind.Update:
                EnqueueRequest(meeting, community, member, UpdateEmail, update: true);
                break;
            default:
                EnqueueRequest(meeting, community, member, InvitationEmail, update: false);
                break;
        }
    }

    /// <summary>A member who has just joined gets an invitation to each future meeting of the CoP.</summary>
    public async Task InviteNewMemberAsync(int communityId, string userId, CancellationToken ct = default)
    {
        var members = await MembersAsync(communityId, userId, ct);
        var member = members.FirstOrDefault() ?? await PersonAsync(userId, ct);
        if (member is null)
        {
            return;
        }
        var community = await db.Communities.AsNoTracking().Where(c => c.Id == communityId).Select(c => new CommunityNames(c.Name, c.Slug)).SingleAsync(ct);
        foreach (var meeting in await FutureMeetingsAsync(communityId, ct))
        {
            EnqueueRequest(meeting, community, member, InvitationEmail, update: false);
        }
    }

    /// <summary>A member who leaves (or is removed) gets a cancellation for each future meeting, and their answers to those go.</summary>
    public async Task CancelForLeavingMemberAsync(int communityId, string userId, CancellationToken ct = default)
    {
        var person = await PersonAsync(userId, ct);
        var community = await db.Communities.AsNoTracking().Where(c => c.Id == communityId).Select(c => new CommunityNames(c.Name, c.Slug)).SingleAsync(ct);
        var future = await FutureMeetingsAsync(communityId, ct);
        if (person is not null)
        {
            foreach (var meeting in future)
            {
                EnqueueCancel(meeting, community, person.Email, person.Name, person.UserId, reason: null, leaving: true);
            }
        }
        var ids = future.Select(m => m.Id).ToList();
        db.MeetingResponses.RemoveRange(await db.MeetingResponses.Where(r => r.UserId == userId && ids.Contains(r.MeetingId)).ToListAsync(ct));
    }

    /// <summary>Invites one named guest, with their personal link to the meeting's page (the only page they may see).</summary>
    public async Task InviteGuestAsync(Meeting meeting, MeetingGuest guest, string guestLink, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(guest);
        var community = await CommunityOfAsync(meeting, ct);
        var ics = MeetingCalendar.Invitation(meeting, community.Name, organiser, new CalendarInvitee(guest.Name, guest.Email), guestLink, clock.GetUtcNow());
        outbox.Enqueue(GuestInvitationEmail, guest.Email, guest.Name, $"Invitation: {meeting.Title} on {LondonTime.DateTime(meeting.StartsAt)}",
            $"""
            Dear {guest.Name},

            You are invited to {meeting.Title}, a meeting of {community.Name}, on {LondonTime.DateTime(meeting.StartsAt)} to {LondonTime.DateTime(meeting.EndsAt)} (UK time).

            {Details(meeting)}
            The meeting's details and joining link are on your personal page (do not share it): {guestLink}

            {site.NetworkName} team
            """, calendar: ics);
    }

    private void EnqueueRequest(Meeting meeting, CommunityNames community, Recipient member, string kind, bool update)
    {
        var url = site.Url(PortalPaths.Meeting(community.Slug, meeting.Id));
        var token = tokens.Create(meeting.Id, member.UserId);
        var ics = MeetingCalendar.Invitation(meeting, community.Name, organiser, new CalendarInvitee(member.Name, member.Email), url, clock.GetUtcNow());
        var subject = update
            ? $"Updated: {meeting.Title} on {LondonTime.DateTime(meeting.StartsAt)}"
            : $"Invitation: {meeting.Title} on {LondonTime.DateTime(meeting.StartsAt)}";
        var opening = update
            ? $"The details of {meeting.Title} ({community.Name}) have changed. It is now on {LondonTime.DateTime(meeting.StartsAt)} to {LondonTime.DateTime(meeting.EndsAt)} (UK time)."
            : $"You are invited to {meeting.Title}, a meeting of {community.Name}, on {LondonTime.DateTime(meeting.StartsAt)} to {LondonTime.DateTime(meeting.EndsAt)} (UK time).";
        outbox.Enqueue(kind, member.Email, member.Name, subject,
            $"""
            Dear {member.Name},

            {opening}

            {Details(meeting)}
            Let the core team know if you can come:
            - I will attend: {site.Url(PortalPaths.MeetingRespond(community.Slug, meeting.Id, token, "attending"))}
            - Send apologies: {site.Url(PortalPaths.MeetingRespond(community.Slug, meeting.Id, token, "apologies"))}

            The meeting's page, with the joining link: {url}

            {site.NetworkName} team
            """, calendar: ics, topic: EmailTopic.MeetingInvitations, userId: member.UserId);
    }

    private void EnqueueCancel(Meeting meeting, CommunityNames community, string email, string name, string? userId, string? reason, bool leaving = false)
    {
        var url = site.Url(PortalPaths.Meeting(community.Slug, meeting.Id));
        var ics = MeetingCalendar.Cancellation(meeting, community.Name, organiser, new CalendarInvitee(name, email), url, clock.GetUtcNow());
        var why = leaving
            ? $"As you are no longer a member of {community.Name}, we have taken {meeting.Title} on {LondonTime.DateTime(meeting.StartsAt)} out of your calendar."
            : $"{meeting.Title} ({community.Name}) on {LondonTime.DateTime(meeting.StartsAt)} has been cancelled." + (string.IsNullOrWhiteSpace(reason) ? "" : $"\n\nThe reason: {reason}");
        outbox.Enqueue(CancellationEmail, email, name, $"Cancelled: {meeting.Title} on {LondonTime.DateTime(meeting.StartsAt)}",
            $"""
            Dear {name},

            {why}

            Your calendar will update from this email.

            {site.NetworkName} team
            """, calendar: ics, topic: userId is null ? null : EmailTopic.MeetingInvitations, userId: userId);
    }

    private static string Details(Meeting meeting)
    {
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(meeting.ContentWarning))
        {
            lines.Add($"Content warning: {meeting.ContentWarning}");
        }
        lines.Add(meeting.Mode switch
        {
            MeetingMode.InPerson => $"In person at {meeting.Venue}",
            MeetingMode.Hybrid => $"Online or in person at {meeting.Venue}",
            _ => "Online",
        });
        if (!string.IsNullOrWhiteSpace(meeting.Presenters))
        {
            lines.Add($"Presenters: {meeting.Presenters}");
        }
        return string.Join("\n", lines) + "\n";
    }

    internal sealed record CommunityNames(string Name, string Slug);

    private async Task<CommunityNames> CommunityOfAsync(Meeting meeting, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (meeting.Id == 0)
        {
            throw new InvalidOperationException("Save the meeting (inside the transaction) before queuing its invitations: their links need its id.");
        }
        return await db.Communities.AsNoTracking().Where(c => c.Id == meeting.CommunityId).Select(c => new CommunityNames(c.Name, c.Slug)).SingleAsync(ct);
    }

    /// <summary>Members who can receive email (closed accounts have no address), as one untracked projection.</summary>
    private Task<List<Recipient>> MembersAsync(int communityId, string? onlyUserId, CancellationToken ct)
    {
        var query = db.Memberships.AsNoTracking().Where(m => m.CommunityId == communityId);
        if (onlyUserId is not null)
        {
            query = query.Where(m => m.UserId == onlyUserId);
        }
        return query
            .Where(m => m.User!.ClosedAt == null && m.User.Email != null)
            .OrderBy(m => m.Id)
            .Select(m => new Recipient(m.UserId, m.User!.Email!, m.User.DisplayName))
            .ToListAsync(ct);
    }

    private Task<Recipient?> PersonAsync(string userId, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId && u.ClosedAt == null && u.Email != null)
            .Select(u => new Recipient(u.Id, u.Email!, u.DisplayName)).FirstOrDefaultAsync(ct);

    private Task<List<Meeting>> FutureMeetingsAsync(int communityId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.Meetings.AsNoTracking()
            .Where(m => m.CommunityId == communityId && m.Status == MeetingStatus.Scheduled && m.StartsAt > now)
            .OrderBy(m => m.StartsAt)
            .ToListAsync(ct);
    }

    private Task<List<MeetingGuest>> GuestsAsync(Meeting meeting, CancellationToken ct) =>
        db.MeetingGuests.AsNoTracking().Where(g => g.MeetingId == meeting.Id && g.RevokedAt == null).ToListAsync(ct);
}
