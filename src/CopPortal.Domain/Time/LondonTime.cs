using System.Globalization;

namespace CopPortal.Domain.Time;

/// <summary>Times are stored in UTC and shown in the network's time zone, Europe/London.</summary>
public static class LondonTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static DateTimeOffset ToLondon(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToLondon(clock.GetUtcNow()).DateTime);

    /// <summary>"21 November 2026"</summary>
    public static string Date(DateTimeOffset utc) => ToLondon(utc).ToString("d MMMM yyyy", UkCulture);

    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", UkCulture);

    /// <summary>"21 November 2026 at 2:30pm"</summary>
    public static string DateTime(DateTimeOffset utc)
    {
        var local = ToLondon(utc);
        return $"{local.ToString("d MMMM yyyy", UkCulture)} at {Clock(local)}";
    }

    private static string Clock(DateTimeOffset local)
    {
        var hour = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        var suffix = local.Hour < 12 ? "am" : "pm";
        return local.Minute == 0 ? $"{hour}{suffix}" : $"{hour}:{local.Minute:00}{suffix}";
    }

    /// <summary>Monday of the London week containing the given instant.</summary>
    public static DateOnly WeekOf(DateTimeOffset utc)
    {
        var day = DateOnly.FromDateTime(ToLondon(utc).DateTime);
        var offset = ((int)day.DayOfWeek + 6) % 7;
        return day.AddDays(-offset);
    }
}
