using CopPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Meetings;

/// <summary>One person's line on the attendance form: a member (UserId) or a guest (GuestId).</summary>
public sealed record AttendanceLine(string? UserId, int? GuestId, AttendanceStatus Status, bool ConsentsToShareContact);

/// <summary>
/// Attendance at a held meeting, recorded by the core team. Rows are updated in place (so the audit shows each
/// change), and the first recording also writes a row for every RSVP not on the form, so a large CoP recorded a
/// page at a time still has everyone who said they were coming or sent apologies.
/// </summary>
public class AttendanceService(CopDbContext db, TimeProvider clock)
{
    /// <summary>What the form shows for someone with no recorded row: their RSVP, or absent.</summary>
    public static AttendanceStatus Prefill(RsvpAnswer? rsvp) => rsvp switch
    {
        RsvpAnswer.Attending => AttendanceStatus.Attended,
        RsvpAnswer.Apologies => AttendanceStatus.Apologies,
        _ => AttendanceStatus.Absent,
    };

    /// <summary>
    /// Records the lines (members of the meeting's CoP and its guests only; anyone else is ignored) and sets
    /// <see cref="Meeting.AttendanceRecordedAt"/>. Saves, in one transaction.
    /// </summary>
    public async Task RecordAsync(Meeting meeting, IReadOnlyCollection<AttendanceLine> lines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(lines);
        var userIds = lines.Where(l => l.UserId is not null).Select(l => l.UserId!).Distinct(StringComparer.Ordinal).ToList();
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.CommunityId == meeting.CommunityId && userIds.Contains(m.UserId))
            .Select(m => new { m.UserId, Name = m.User!.DisplayName })
            .ToDictionaryAsync(m => m.UserId, m => m.Name, StringComparer.Ordinal, cancellationToken);
        var guests = await db.MeetingGuests.AsNoTracking()
            .Where(g => g.MeetingId == meeting.Id)
            .ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var existing = await db.MeetingAttendance.Where(a => a.MeetingId == meeting.Id).ToListAsync(cancellationToken);
        var byUser = existing.Where(a => a.UserId is not null).ToDictionary(a => a.UserId!, StringComparer.Ordinal);
        var byGuest = existing.Where(a => a.GuestId is not null).ToDictionary(a => a.GuestId!.Value);

        foreach (var line in lines)
        {
            if (line.UserId is { } userId && members.TryGetValue(userId, out var name))
            {
                Set(byUser.GetValueOrDefault(userId), meeting, userId, null, name, line.Status, line.ConsentsToShareContact, byUser);
            }
            else if (line.GuestId is { } guestId && guests.TryGetValue(guestId, out var guestName))
            {
                var row = byGuest.GetValueOrDefault(guestId);
                if (row is null)
                {
                    row = new MeetingAttendance { MeetingId = meeting.Id, GuestId = guestId, Name = guestName };
                    db.MeetingAttendance.Add(row);
                    byGuest[guestId] = row;
                }
                row.Status = line.Status;
                row.ConsentsToShareContact = line.ConsentsToShareContact;
            }
        }

        if (meeting.AttendanceRecordedAt is null)
        {
            var rsvps = await db.MeetingResponses.AsNoTracking()
                .Where(r => r.MeetingId == meeting.Id && db.Memberships.Any(m => m.CommunityId == meeting.CommunityId && m.UserId == r.UserId))
                .Select(r => new { r.UserId, r.Answer, Name = r.User!.DisplayName })
                .ToListAsync(cancellationToken);
            foreach (var rsvp in rsvps.Where(r => !byUser.ContainsKey(r.UserId)))
            {
                Set(null, meeting, rsvp.UserId, null, rsvp.Name, Prefill(rsvp.Answer), false, byUser);
            }
        }
        meeting.AttendanceRecordedAt = clock.GetUtcNow();
        meeting.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private void Set(MeetingAttendance? row, Meeting meeting, string userId, int? guestId, string name, AttendanceStatus status, bool consents, Dictionary<string, MeetingAttendance> byUser)
    {
        if (row is null)
        {
            row = new MeetingAttendance { MeetingId = meeting.Id, UserId = userId, GuestId = guestId, Name = name };
            db.MeetingAttendance.Add(row);
            byUser[userId] = row;
        }
        row.Status = status;
        row.ConsentsToShareContact = consents;
    }
}
