using System.Security.Cryptography;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.People;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Meetings;

/// <summary>
/// Personal calendar feeds: each person's secret address listing every meeting of all the CoPs they belong to now,
/// from three months back to a year ahead, for Outlook or Google Calendar to subscribe to. Creating or resetting the
/// address is saved (and so audited) at once; the old address stops working when it is reset.
/// </summary>
public sealed class CalendarFeeds(CopDbContext db, IDataProtectionProvider protection, IPortalSite site, MeetingOrganiser organiser, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("CopPortal.Meetings.CalendarFeed.v1");

    public static readonly TimeSpan Back = TimeSpan.FromDays(92);
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(366);

    /// <summary>The person's current feed address (absolute), or null if they have none.</summary>
    public async Task<string?> CurrentUrlAsync(string userId, CancellationToken ct = default)
    {
        var stored = await db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == userId).Select(f => f.ProtectedToken).SingleOrDefaultAsync(ct);
        if (stored is null)
        {
            return null;
        }
        try
        {
            return site.Url(PortalPaths.CalendarFeed(_protector.Unprotect(stored)));
        }
        catch (CryptographicException)
        {
            // The key that protected it is gone (a restored database without its keys): the person resets it.
            return null;
        }
    }

    /// <summary>Creates the person's address, or replaces it (the old one stops working). Saves. Returns the new address.</summary>
    public async Task<string> CreateOrResetAsync(string userId, CancellationToken ct = default)
    {
        var token = Invitation.NewToken();
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.UserId == userId, ct);
        if (feed is null)
        {
            feed = new CalendarFeed { UserId = userId };
            db.CalendarFeeds.Add(feed);
        }
        feed.TokenHash = Invitation.HashToken(token);
        feed.ProtectedToken = _protector.Protect(token);
        feed.CreatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return site.Url(PortalPaths.CalendarFeed(token));
    }

    /// <summary>Turns the feed off: the address stops working and none is shown. Saves. False if there was none.</summary>
    public async Task<bool> StopAsync(string userId, CancellationToken ct = default)
    {
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.UserId == userId, ct);
        if (feed is null)
        {
            return false;
        }
        db.CalendarFeeds.Remove(feed);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The feed's calendar text for a token, or null when the token is unknown or reset, or the account is closed
    /// (anonymised) or locked (suspended). Meetings of CoPs the person has left are simply not in it.
    /// </summary>
    public async Task<string?> FeedAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return null;
        }
        var hash = Invitation.HashToken(token);
        var now = clock.GetUtcNow();
        var owner = await db.CalendarFeeds.AsNoTracking()
            .Where(f => f.TokenHash == hash && f.User!.ClosedAt == null && (f.User.LockoutEnd == null || f.User.LockoutEnd <= now))
            .Select(f => new { f.UserId, f.User!.DisplayName })
            .SingleOrDefaultAsync(ct);
        if (owner is null)
        {
            return null;
        }
        var from = now - Back;
        var to = now + Ahead;
        var userId = owner.UserId;
        // One query: the person's current memberships decide which CoPs' meetings are listed (draft CoPs never).
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.StartsAt >= from && m.StartsAt <= to
                && m.Community!.Status != CommunityStatus.Draft
                && db.Memberships.Any(ms => ms.CommunityId == m.CommunityId && ms.UserId == userId))
            .OrderBy(m => m.StartsAt)
            .Select(m => new { Meeting = m, m.Community!.Name, m.Community.Slug })
            .ToListAsync(ct);
        var names = meetings.ToDictionary(x => x.Meeting.Id, x => (x.Name, x.Slug));
        return MeetingCalendar.Published(meetings.Select(x => x.Meeting), m => names[m.Id].Name, organiser,
            m => site.Url(PortalPaths.Meeting(names[m.Id].Slug, m.Id)), includeJoinUrl: true, now,
            calendarName: $"{site.NetworkName} meetings");
    }
}
