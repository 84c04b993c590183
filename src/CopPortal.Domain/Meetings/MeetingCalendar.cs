using CopPortal.Domain.Time;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace CopPortal.Domain.Meetings;

/// <summary>Who sends invitations: the network's address, shown by calendar clients as the organiser.</summary>
public sealed record MeetingOrganiser(string Name, string Address);

/// <summary>One invitee, named in the invitation's ATTENDEE line so Outlook and others offer Accept / Decline.</summary>
public sealed record CalendarInvitee(string Name, string Address);

/// <summary>
/// RFC 5545 text for meetings (Ical.Net): METHOD REQUEST for an invitation or an update, CANCEL for a cancellation,
/// PUBLISH for a download or a subscribed feed. Times are written in Europe/London with its VTIMEZONE, so a
/// meeting at 2pm stays at 2pm local whichever side of a clock change it falls; the UID is the meeting's stable
/// <see cref="Meeting.CalendarUid"/> and SEQUENCE its <see cref="Meeting.CalendarSequence"/>, so clients update
/// the entry they already have rather than add another.
/// </summary>
public static class MeetingCalendar
{
    public const string TimeZoneId = "Europe/London";
    public const string Request = "REQUEST";
    public const string Cancel = "CANCEL";
    public const string Publish = "PUBLISH";

    /// <summary>An invitation (or an update, with a higher SEQUENCE) for one invitee.</summary>
    public static string Invitation(Meeting meeting, string communityName, MeetingOrganiser organiser, CalendarInvitee invitee, string meetingUrl, DateTimeOffset now) =>
        Write(Request, [meeting], communityName, organiser, invitee, _ => meetingUrl, includeJoinUrl: true, now);

    /// <summary>A cancellation: METHOD:CANCEL, STATUS:CANCELLED, the same UID and the meeting's (raised) SEQUENCE.</summary>
    public static string Cancellation(Meeting meeting, string communityName, MeetingOrganiser organiser, CalendarInvitee invitee, string meetingUrl, DateTimeOffset now) =>
        Write(Cancel, [meeting], communityName, organiser, invitee, _ => meetingUrl, includeJoinUrl: false, now);

    /// <summary>A file of meetings to import or subscribe to (no invitees; cancelled ones marked so).</summary>
    public static string Published(IEnumerable<Meeting> meetings, Func<Meeting, string> communityName, MeetingOrganiser organiser, Func<Meeting, string> meetingUrl, bool includeJoinUrl, DateTimeOffset now, string? calendarName = null)
    {
        ArgumentNullException.ThrowIfNull(communityName);
        return Write(Publish, meetings, null, organiser, null, meetingUrl, includeJoinUrl, now, communityName, calendarName);
    }

    /// <summary>The METHOD of a calendar text (for the MIME part's method parameter), REQUEST if none is found.</summary>
    public static string MethodOf(string calendarText)
    {
        ArgumentNullException.ThrowIfNull(calendarText);
        foreach (var line in calendarText.Split('\n'))
        {
            if (line.StartsWith("METHOD:", StringComparison.OrdinalIgnoreCase))
            {
                return line["METHOD:".Length..].Trim();
            }
        }
        return Request;
    }

    private static string Write(string method, IEnumerable<Meeting> meetings, string? communityName, MeetingOrganiser organiser, CalendarInvitee? invitee,
        Func<Meeting, string> meetingUrl, bool includeJoinUrl, DateTimeOffset now, Func<Meeting, string>? communityNameOf = null, string? calendarName = null)
    {
        var calendar = new Calendar { Method = method, ProductId = "-//CopPortal//Meetings//EN" };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZoneId));
        if (calendarName is not null)
        {
            calendar.AddProperty("X-WR-CALNAME", calendarName);
        }
        foreach (var meeting in meetings)
        {
            var name = communityName ?? communityNameOf!(meeting);
            calendar.Events.Add(Event(meeting, name, method, organiser, invitee, meetingUrl(meeting), includeJoinUrl, now));
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent Event(Meeting meeting, string communityName, string method, MeetingOrganiser organiser, CalendarInvitee? invitee, string meetingUrl, bool includeJoinUrl, DateTimeOffset now)
    {
        var cancelled = method == Cancel || meeting.IsCancelled;
        var description = new List<string> { $"{communityName}: {meeting.Title}" };
        if (!string.IsNullOrWhiteSpace(meeting.ContentWarning))
        {
            description.Add($"Content warning: {meeting.ContentWarning}");
        }
        if (includeJoinUrl && !cancelled && !string.IsNullOrWhiteSpace(meeting.JoinUrl))
        {
            description.Add($"Join the meeting: {meeting.JoinUrl}");
        }
        if (cancelled && !string.IsNullOrWhiteSpace(meeting.CancellationReason))
        {
            description.Add($"Cancelled: {meeting.CancellationReason}");
        }
        description.Add($"Meeting page: {meetingUrl}");

        var ev = new CalendarEvent
        {
            Uid = meeting.CalendarUid,
            Sequence = meeting.CalendarSequence,
            Summary = $"{meeting.Title} ({communityName})",
            Description = string.Join("\n", description),
            DtStart = London(meeting.StartsAt),
            DtEnd = London(meeting.EndsAt),
            DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
            Status = cancelled ? "CANCELLED" : "CONFIRMED",
            Location = Location(meeting, includeJoinUrl && !cancelled),
            Url = new Uri(meetingUrl),
            Organizer = new Organizer("mailto:" + organiser.Address) { CommonName = organiser.Name },
        };
        if (invitee is not null)
        {
            ev.Attendees.Add(new Attendee("mailto:" + invitee.Address)
            {
                CommonName = invitee.Name,
                Rsvp = method == Request,
                Role = "REQ-PARTICIPANT",
                ParticipationStatus = "NEEDS-ACTION",
            });
        }
        return ev;
    }

    private static string? Location(Meeting meeting, bool includeJoinUrl) => meeting.Mode switch
    {
        MeetingMode.InPerson => meeting.Venue,
        MeetingMode.Hybrid => string.Join(" / ", new[] { meeting.Venue, includeJoinUrl ? meeting.JoinUrl : null }.Where(s => !string.IsNullOrWhiteSpace(s))),
        _ => includeJoinUrl ? meeting.JoinUrl : "Online",
    };

    /// <summary>The UTC instant as a Europe/London wall-clock time with its TZID.</summary>
    private static CalDateTime London(DateTimeOffset utc) =>
        new(DateTime.SpecifyKind(LondonTime.ToLondon(utc).DateTime, DateTimeKind.Unspecified), TimeZoneId);
}
