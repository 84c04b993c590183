using System.Globalization;
using System.Text;
using CopPortal.Domain.Links;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.Messaging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages.Meetings;

/// <summary>The guest's meeting as an .ics file, by the same secret link; unknown, revoked or cancelled is a 404.</summary>
public class GuestCalendarModel(GuestService guests, IPortalSite site, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token)
    {
        var guest = await guests.FindByTokenAsync(token);
        if (guest?.Meeting is not { IsCancelled: false } meeting)
        {
            return NotFound();
        }
        var text = GuestCalendarFile.Write(meeting, site.Url(PortalPaths.MeetingGuest(token)), clock.GetUtcNow());
        return File(Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", "meeting.ics");
    }
}

/// <summary>
/// One VEVENT in UTC (RFC 5545) with the meeting's stable UID and SEQUENCE, so a guest's calendar updates the same
/// event if they download it again after a change. UTC times need no VTIMEZONE.
/// </summary>
public static class GuestCalendarFile
{
    public static string Write(Meeting meeting, string pageUrl, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//CopPortal//Meetings//EN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            "UID:" + Escape(meeting.CalendarUid),
            "SEQUENCE:" + meeting.CalendarSequence.ToString(CultureInfo.InvariantCulture),
            "DTSTAMP:" + Utc(now),
            "DTSTART:" + Utc(meeting.StartsAt),
            "DTEND:" + Utc(meeting.EndsAt),
            "SUMMARY:" + Escape(meeting.Title),
            "DESCRIPTION:" + Escape(MeetingText.Summary(meeting) + "\n\n" + pageUrl),
            "URL:" + pageUrl,
        };
        var location = meeting.Venue ?? meeting.JoinUrl;
        if (!string.IsNullOrEmpty(location))
        {
            lines.Add("LOCATION:" + Escape(location));
        }
        lines.Add("END:VEVENT");
        lines.Add("END:VCALENDAR");
        return string.Concat(lines.Select(l => Fold(l) + "\r\n"));
    }

    private static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    // Lines longer than 75 octets are folded with CRLF and a space (RFC 5545 3.1), counting UTF-8 bytes and never
    // splitting a character.
    private static string Fold(string line)
    {
        var result = new StringBuilder();
        var octets = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var bytes = Encoding.UTF8.GetByteCount(line.AsSpan(i, width));
            if (octets + bytes > 75)
            {
                result.Append("\r\n ");
                octets = 1;
            }
            result.Append(line, i, width);
            octets += bytes;
            i += width - 1;
        }
        return result.ToString();
    }
}
