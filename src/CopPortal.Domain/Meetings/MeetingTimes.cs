using CopPortal.Domain.Time;

namespace CopPortal.Domain.Meetings;

/// <summary>Europe/London wall-clock times to the UTC instants meetings are stored in.</summary>
public static class MeetingTimes
{
    /// <summary>
    /// The UTC instant of a London date and time. A time the spring clock change skips (1:30am on the last Sunday
    /// of March) moves an hour later, as a clock would; a time the autumn change repeats takes the first (BST) one.
    /// </summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var zone = LondonTime.Zone;
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max()
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static DateOnly LocalDate(DateTimeOffset utc) => DateOnly.FromDateTime(LondonTime.ToLondon(utc).DateTime);

    public static TimeOnly LocalTime(DateTimeOffset utc) => TimeOnly.FromDateTime(LondonTime.ToLondon(utc).DateTime);

    /// <summary>A series' occurrences as (start, end) in UTC: each date at the same local time for the same length.</summary>
    public static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Occurrences(IEnumerable<DateOnly> dates, TimeOnly localStart, int durationMinutes)
    {
        ArgumentNullException.ThrowIfNull(dates);
        foreach (var date in dates)
        {
            var start = ToUtc(date, localStart);
            yield return (start, start.AddMinutes(durationMinutes));
        }
    }
}
