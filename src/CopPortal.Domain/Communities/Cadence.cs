namespace CopPortal.Domain.Communities;

/// <summary>How often and how long a CoP meets, in words: "Every 3 months, 2 hours".</summary>
public static class Cadence
{
    public static string Describe(int frequencyMonths, int durationMinutes) =>
        $"{Frequency(frequencyMonths)}, {Duration(durationMinutes)}";

    public static string Frequency(int months) => months switch
    {
        <= 0 => "No regular meetings",
        1 => "Every month",
        12 => "Every year",
        _ => $"Every {months} months",
    };

    public static string Duration(int minutes)
    {
        if (minutes <= 0)
        {
            return "length not set";
        }
        var hours = minutes / 60;
        var rest = minutes % 60;
        if (hours == 0)
        {
            return $"{minutes} minutes";
        }
        if (rest == 0)
        {
            return hours == 1 ? "1 hour" : $"{hours} hours";
        }
        if (rest == 30)
        {
            return $"{hours}.5 hours";
        }
        return $"{(hours == 1 ? "1 hour" : $"{hours} hours")} {rest} minutes";
    }
}
