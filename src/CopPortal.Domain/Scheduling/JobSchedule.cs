using System.Globalization;
using CopPortal.Domain.Time;

namespace CopPortal.Domain.Scheduling;

/// <summary>
/// When a job runs, in the network's time zone (Europe/London): daily, or weekly on one day, at a time of day.
/// A run is due from that time until the end of that London day; a day on which no instance was up is skipped,
/// not made up later (a Monday digest on a Wednesday would mislead).
/// </summary>
public sealed class JobSchedule
{
    private JobSchedule(DayOfWeek? day, TimeOnly at)
    {
        Day = day;
        At = at;
    }

    /// <summary>Null for a daily job.</summary>
    public DayOfWeek? Day { get; }
    public TimeOnly At { get; }

    public static JobSchedule DailyAt(int hour, int minute) => new(null, new TimeOnly(hour, minute));

    public static JobSchedule WeeklyAt(DayOfWeek day, int hour, int minute) => new(day, new TimeOnly(hour, minute));

    /// <summary>
    /// The period that is due at this instant ("yyyy-MM-dd", the London date), or null when nothing is due.
    /// Across a clock change the London time of day only jumps forwards or repeats an hour, so a run is
    /// neither skipped nor doubled: the period is the date, and each date runs once.
    /// </summary>
    public string? DuePeriod(DateTimeOffset utcNow)
    {
        var london = LondonTime.ToLondon(utcNow);
        if ((Day is { } day && london.DayOfWeek != day) || TimeOnly.FromTimeSpan(london.TimeOfDay) < At)
        {
            return null;
        }
        return DateOnly.FromDateTime(london.DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public override string ToString() =>
        Day is { } day
            ? $"every {day} at {At.ToString("HH:mm", CultureInfo.InvariantCulture)} Europe/London"
            : $"daily at {At.ToString("HH:mm", CultureInfo.InvariantCulture)} Europe/London";
}
