using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.People;
using CopPortal.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Meetings;

public enum GuestResponseResult
{
    Saved = 0,
    Cancelled = 1,
    AlreadyStarted = 2,
}

/// <summary>
/// Named guests of one meeting: invited by the core team with a secret link (only its SHA-256 hash is stored),
/// revoked by them, and answering attending or apologies through that link without an account.
/// </summary>
public class GuestService(CopDbContext db, MeetingInvitations invitations, TimeProvider clock, IPortalSite site)
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 256;
    public const int RoleMaxLength = 200;

    /// <summary>
    /// Adds the guest and queues their calendar invitation (through <see cref="MeetingInvitations"/>). Does not save,
    /// so the guest and their email are committed together. The token is only in the email.
    /// </summary>
    public async Task<(MeetingGuest Guest, string Token)> InviteAsync(Meeting meeting, string name, string email, string? role, string? organisation, string invitedById, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var token = Invitation.NewToken();
        var guest = new MeetingGuest
        {
            MeetingId = meeting.Id,
            Name = name.Trim(),
            Email = email.Trim().ToLowerInvariant(),
            Role = Blank(role),
            Organisation = Blank(organisation),
            TokenHash = Invitation.HashToken(token),
            InvitedById = invitedById,
            InvitedAt = clock.GetUtcNow(),
        };
        db.MeetingGuests.Add(guest);
        await invitations.InviteGuestAsync(meeting, guest, site.Url(PortalPaths.MeetingGuest(token)), cancellationToken);
        return (guest, token);
    }

    /// <summary>The guest whose link this is, with their meeting and its CoP; null for an unknown or revoked link.</summary>
    public async Task<MeetingGuest?> FindByTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }
        var hash = Invitation.HashToken(token);
        return await db.MeetingGuests
            .Include(g => g.Meeting).ThenInclude(m => m!.Community)
            .SingleOrDefaultAsync(g => g.TokenHash == hash && g.RevokedAt == null, cancellationToken);
    }

    /// <summary>Records the guest's answer. Saves. A cancelled or started meeting takes no answers.</summary>
    public async Task<GuestResponseResult> RespondAsync(MeetingGuest guest, RsvpAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(guest);
        var meeting = guest.Meeting ?? await db.Meetings.SingleAsync(m => m.Id == guest.MeetingId, cancellationToken);
        if (meeting.IsCancelled)
        {
            return GuestResponseResult.Cancelled;
        }
        if (meeting.StartsAt <= clock.GetUtcNow())
        {
            return GuestResponseResult.AlreadyStarted;
        }
        guest.Answer = answer;
        await db.SaveChangesAsync(cancellationToken);
        return GuestResponseResult.Saved;
    }

    /// <summary>Ends the guest's link at once. Does not save.</summary>
    public void Revoke(MeetingGuest guest)
    {
        ArgumentNullException.ThrowIfNull(guest);
        guest.RevokedAt ??= clock.GetUtcNow();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A meeting described in plain text for emails: when (Europe/London), how to join and where.</summary>
public static class MeetingText
{
    public static string When(Meeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var start = LondonTime.ToLondon(meeting.StartsAt);
        var end = LondonTime.ToLondon(meeting.EndsAt);
        return start.Date == end.Date
            ? $"{LondonTime.DateTime(meeting.StartsAt)} to {LondonTime.DateTime(meeting.EndsAt).Split(" at ")[1]} (UK time)"
            : $"{LondonTime.DateTime(meeting.StartsAt)} to {LondonTime.DateTime(meeting.EndsAt)} (UK time)";
    }

    public static string Summary(Meeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var lines = new List<string> { meeting.Title, $"When: {When(meeting)}" };
        if (!string.IsNullOrEmpty(meeting.JoinUrl))
        {
            lines.Add($"Join online: {meeting.JoinUrl}");
        }
        if (!string.IsNullOrEmpty(meeting.Venue))
        {
            lines.Add($"Venue: {meeting.Venue}");
        }
        return string.Join("\n", lines);
    }
}
