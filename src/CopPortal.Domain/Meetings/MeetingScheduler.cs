using CopPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Meetings;

/// <summary>A meeting rule stopped the action; the message is plain English and safe to show.</summary>
public sealed class MeetingException(string message) : Exception(message);

/// <summary>What the organiser types about a meeting, apart from its times.</summary>
public sealed record MeetingDetails(
    string Title,
    MeetingSessionType SessionType,
    MeetingMode Mode,
    string? JoinUrl,
    string? Venue,
    string? AccessNotes,
    string? Presenters,
    string? ContentWarning,
    string? TopicSeries,
    string? Description);

/// <summary>
/// Schedules, changes and cancels meetings and records RSVPs. Each change and its invitation emails are committed
/// together in one transaction (the meeting is saved first so the emails can link to it); the audit trail records
/// every change through SaveChanges.
/// </summary>
public sealed class MeetingScheduler(CopDbContext db, MeetingInvitations invitations, TimeProvider clock)
{
    public const int MessageMaxLength = 1000;

    public Task<Meeting> ScheduleAsync(int communityId, MeetingDetails details, DateTimeOffset startsAt, DateTimeOffset endsAt, string userId, CancellationToken ct = default) =>
        db.InTransactionAsync(async () =>
        {
            var meeting = NewMeeting(communityId, details, startsAt, endsAt, userId, null);
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(ct);
            if (startsAt > clock.GetUtcNow())
            {
                // A meeting recorded after it was held invites nobody.
                await invitations.InviteAllAsync(meeting, ct);
            }
            await db.SaveChangesAsync(ct);
            return meeting;
        }, ct);

    /// <summary>Creates the series and its occurrences a year ahead (from the first date), each invited like a single meeting.</summary>
    public Task<List<Meeting>> ScheduleSeriesAsync(int communityId, MeetingDetails details, CadenceRule rule, DateOnly firstDate, TimeOnly localStart, int durationMinutes, string userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (!rule.IsValid)
        {
            throw new MeetingException("The repeat pattern is not valid");
        }
        var dates = rule.YearFrom(firstDate);
        if (dates.Count == 0)
        {
            throw new MeetingException("The repeat pattern gives no dates in the coming year");
        }
        return db.InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var series = new MeetingSeries
            {
                CommunityId = communityId,
                Rule = rule.ToJson(),
                LocalStartTime = localStart,
                DurationMinutes = durationMinutes,
                FirstDate = firstDate,
                GeneratedUntil = dates[^1],
                CreatedById = userId,
                CreatedAt = now,
            };
            db.MeetingSeries.Add(series);
            await db.SaveChangesAsync(ct);
            var meetings = MeetingTimes.Occurrences(dates, localStart, durationMinutes)
                .Select(o => NewMeeting(communityId, details, o.Start, o.End, userId, series.Id))
                .ToList();
            db.Meetings.AddRange(meetings);
            await db.SaveChangesAsync(ct);
            foreach (var meeting in meetings.Where(m => m.StartsAt > now))
            {
                await invitations.InviteAllAsync(meeting, ct);
            }
            await db.SaveChangesAsync(ct);
            return meetings;
        }, ct);
    }

    /// <summary>Changes one meeting (tracked) and sends everyone the update with a higher SEQUENCE.</summary>
    public Task EditOneAsync(Meeting meeting, MeetingDetails details, DateTimeOffset startsAt, DateTimeOffset endsAt, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        EnsureChangeable(meeting);
        return db.InTransactionAsync(async () =>
        {
            Apply(meeting, details, startsAt, endsAt);
            await invitations.SendUpdateAsync(meeting, ct);
            await db.SaveChangesAsync(ct);
        }, ct);
    }

    /// <summary>
    /// Changes this occurrence and every later one of its series that is still to come: the details, the local start
    /// time and length, and the date moved by as many days as this one's moved. Each is sent as an update.
    /// </summary>
    public Task<int> EditFutureAsync(Meeting meeting, MeetingDetails details, DateTimeOffset startsAt, DateTimeOffset endsAt, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        EnsureChangeable(meeting);
        if (meeting.SeriesId is not int seriesId)
        {
            throw new MeetingException("This meeting is not part of a series");
        }
        return db.InTransactionAsync(async () =>
        {
            var dayShift = MeetingTimes.LocalDate(startsAt).DayNumber - MeetingTimes.LocalDate(meeting.StartsAt).DayNumber;
            var localStart = MeetingTimes.LocalTime(startsAt);
            var duration = (int)(endsAt - startsAt).TotalMinutes;
            var later = await db.Meetings
                .Where(m => m.SeriesId == seriesId && m.Status == MeetingStatus.Scheduled && m.StartsAt >= meeting.StartsAt && m.Id != meeting.Id)
                .ToListAsync(ct);
            var all = later.Prepend(meeting).ToList();
            foreach (var occurrence in all)
            {
                var start = MeetingTimes.ToUtc(MeetingTimes.LocalDate(occurrence.StartsAt).AddDays(dayShift), localStart);
                Apply(occurrence, details, start, start.AddMinutes(duration));
                await invitations.SendUpdateAsync(occurrence, ct);
            }
            var series = await db.MeetingSeries.SingleAsync(s => s.Id == seriesId, ct);
            series.LocalStartTime = localStart;
            series.DurationMinutes = duration;
            await db.SaveChangesAsync(ct);
            return all.Count;
        }, ct);
    }

    /// <summary>Cancels one meeting with a reason; everyone invited gets METHOD:CANCEL.</summary>
    public Task CancelAsync(Meeting meeting, string reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        EnsureChangeable(meeting);
        return db.InTransactionAsync(async () =>
        {
            meeting.Status = MeetingStatus.Cancelled;
            meeting.CancelledAt = clock.GetUtcNow();
            meeting.CancellationReason = reason.Trim();
            meeting.UpdatedAt = clock.GetUtcNow();
            meeting.ConcurrencyStamp = Guid.NewGuid();
            await invitations.SendCancellationAsync(meeting, ct);
            await db.SaveChangesAsync(ct);
        }, ct);
    }

    /// <summary>
    /// Cancels every occurrence of the meeting's series still to come (this one included), with one reason; everyone
    /// invited gets METHOD:CANCEL for each, and the series is ended so it is not extended. Returns how many.
    /// </summary>
    public Task<int> CancelSeriesAsync(Meeting meeting, string reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(reason);
        EnsureChangeable(meeting);
        if (meeting.SeriesId is not int seriesId)
        {
            throw new MeetingException("This meeting is not part of a series");
        }
        return db.InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var future = await db.Meetings
                .Where(m => m.SeriesId == seriesId && m.Status == MeetingStatus.Scheduled && m.StartsAt > now && m.Id != meeting.Id)
                .ToListAsync(ct);
            var all = future.Prepend(meeting).ToList();
            foreach (var occurrence in all)
            {
                occurrence.Status = MeetingStatus.Cancelled;
                occurrence.CancelledAt = now;
                occurrence.CancellationReason = reason.Trim();
                occurrence.UpdatedAt = now;
                occurrence.ConcurrencyStamp = Guid.NewGuid();
                await invitations.SendCancellationAsync(occurrence, ct);
            }
            var series = await db.MeetingSeries.SingleAsync(s => s.Id == seriesId, ct);
            series.EndDate = MeetingTimes.LocalDate(now);
            await db.SaveChangesAsync(ct);
            return all.Count;
        }, ct);
    }

    /// <summary>Records (or changes) a member's answer. A cancelled meeting, or one that has started, takes none.</summary>
    public async Task<MeetingResponse> RespondAsync(Meeting meeting, string userId, RsvpAnswer answer, string? message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (meeting.IsCancelled)
        {
            throw new MeetingException("This meeting has been cancelled, so it is not taking replies");
        }
        if (meeting.StartsAt <= clock.GetUtcNow())
        {
            throw new MeetingException("This meeting has already started, so it is not taking replies");
        }
        var response = await db.MeetingResponses.FirstOrDefaultAsync(r => r.MeetingId == meeting.Id && r.UserId == userId, ct);
        if (response is null)
        {
            response = new MeetingResponse { MeetingId = meeting.Id, UserId = userId };
            db.MeetingResponses.Add(response);
        }
        response.Answer = answer;
        // Attending needs no message; apologies may carry one.
        response.Message = answer == RsvpAnswer.Apologies && !string.IsNullOrWhiteSpace(message) ? message.Trim() : null;
        response.RespondedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.Entry(response).State == EntityState.Added)
        {
            // The same person's other request (a double click) added their answer first: the unique index kept
            // one row. Answer again over that row instead of failing.
            db.ChangeTracker.Clear();
            return await RespondAsync(meeting, userId, answer, message, ct);
        }
        return response;
    }

    private void EnsureChangeable(Meeting meeting)
    {
        if (meeting.IsCancelled)
        {
            throw new MeetingException("This meeting has been cancelled, so it cannot be changed");
        }
    }

    private Meeting NewMeeting(int communityId, MeetingDetails details, DateTimeOffset startsAt, DateTimeOffset endsAt, string userId, int? seriesId)
    {
        var now = clock.GetUtcNow();
        var meeting = new Meeting
        {
            CommunityId = communityId,
            SeriesId = seriesId,
            CalendarUid = $"{Guid.NewGuid():N}@copportal",
            CreatedById = userId,
            CreatedAt = now,
            // A meeting recorded after it was held has its attendance still to record.
        };
        Apply(meeting, details, startsAt, endsAt);
        return meeting;
    }

    private void Apply(Meeting meeting, MeetingDetails details, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        meeting.Title = details.Title.Trim();
        meeting.SessionType = details.SessionType;
        meeting.Mode = details.Mode;
        meeting.JoinUrl = Clean(details.JoinUrl);
        meeting.Venue = Clean(details.Venue);
        meeting.AccessNotes = Clean(details.AccessNotes);
        meeting.Presenters = Clean(details.Presenters);
        meeting.ContentWarning = Clean(details.ContentWarning);
        meeting.TopicSeries = Clean(details.TopicSeries);
        meeting.Description = Clean(details.Description);
        meeting.StartsAt = startsAt.ToUniversalTime();
        meeting.EndsAt = endsAt.ToUniversalTime();
        meeting.UpdatedAt = clock.GetUtcNow();
        meeting.ConcurrencyStamp = Guid.NewGuid();
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
