using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CopPortal.Domain.Meetings;

/// <summary>
/// How a series repeats, as dates in Europe/London. The time of day is kept separately (the series'
/// LocalStartTime), so a 2pm meeting stays at 2pm local on both sides of a clock change. Every rule is anchored on
/// the series' first date: "every 2 months" counts months from it, "every 2 weeks" counts weeks from it.
/// Stored as JSON in <see cref="MeetingSeries.Rule"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(WeeklyCadence), "weekly")]
[JsonDerivedType(typeof(MonthlyWeekdayCadence), "monthly-weekday")]
[JsonDerivedType(typeof(WeekOfMonthCadence), "week-of-month")]
public abstract record CadenceRule
{
    /// <summary>How far ahead a series' occurrences are generated.</summary>
    public const int MonthsAhead = 12;

    /// <summary>The dates the rule gives from <paramref name="first"/> (the anchor) up to and including <paramref name="until"/>.</summary>
    public abstract IEnumerable<DateOnly> Dates(DateOnly first, DateOnly until);

    /// <summary>In words, for the meeting page: "Every 2 weeks on Tuesday".</summary>
    public abstract string Describe();

    /// <summary>Whether the numbers make sense (the form checks them too; this guards stored rules).</summary>
    public abstract bool IsValid { get; }

    /// <summary>A year of dates from the first: what a new series generates.</summary>
    public IReadOnlyList<DateOnly> YearFrom(DateOnly first) => Dates(first, first.AddMonths(MonthsAhead).AddDays(-1)).ToList();

    /// <summary>
    /// The CoP's Terms of Reference cadence ("every 3 months") as a rule: every N months on the same weekday of
    /// the month as the first date ("the 2nd Tuesday"; a date in the month's last seven days means "the last").
    /// </summary>
    public static CadenceRule FromTerms(int frequencyMonths, DateOnly first)
    {
        var nth = (first.Day - 1) / 7 + 1;
        if (first.AddDays(7).Month != first.Month)
        {
            nth = MonthlyWeekdayCadence.Last;
        }
        return new MonthlyWeekdayCadence(Math.Max(1, frequencyMonths), nth, first.DayOfWeek);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CadenceRule? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<CadenceRule>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static string Ordinal(int n) => n switch
    {
        MonthlyWeekdayCadence.Last => "last",
        1 => "1st",
        2 => "2nd",
        3 => "3rd",
        _ => n.ToString(CultureInfo.InvariantCulture) + "th",
    };

    internal static string Months(int interval) => interval switch
    {
        1 => "Every month",
        2 => "Every other month",
        _ => $"Every {interval} months",
    };

    /// <summary>The months counted from the anchor's month in steps of <paramref name="interval"/>, as their first days.</summary>
    internal static IEnumerable<DateOnly> MonthsFrom(DateOnly first, DateOnly until, int interval)
    {
        for (var month = new DateOnly(first.Year, first.Month, 1); month <= until; month = month.AddMonths(interval))
        {
            yield return month;
        }
    }
}

/// <summary>Every N weeks on a weekday: the first such weekday on or after the first date, then every N weeks.</summary>
public sealed record WeeklyCadence(int IntervalWeeks, DayOfWeek Day) : CadenceRule
{
    public override bool IsValid => IntervalWeeks is >= 1 and <= 52;

    public override IEnumerable<DateOnly> Dates(DateOnly first, DateOnly until)
    {
        var date = first.AddDays(((int)Day - (int)first.DayOfWeek + 7) % 7);
        for (; date <= until; date = date.AddDays(7 * IntervalWeeks))
        {
            yield return date;
        }
    }

    public override string Describe() => IntervalWeeks switch
    {
        1 => $"Every week on {Day}",
        2 => $"Every other week on {Day}",
        _ => $"Every {IntervalWeeks} weeks on {Day}",
    };
}

/// <summary>Every N months on the Nth weekday of the month (1st to 4th, or the last).</summary>
public sealed record MonthlyWeekdayCadence(int IntervalMonths, int Nth, DayOfWeek Day) : CadenceRule
{
    public const int Last = -1;

    public override bool IsValid => IntervalMonths is >= 1 and <= 12 && Nth is Last or (>= 1 and <= 4);

    public override IEnumerable<DateOnly> Dates(DateOnly first, DateOnly until) =>
        MonthsFrom(first, until, IntervalMonths).Select(On).Where(d => d >= first && d <= until);

    private DateOnly On(DateOnly month)
    {
        if (Nth == Last)
        {
            var end = month.AddMonths(1).AddDays(-1);
            return end.AddDays(-(((int)end.DayOfWeek - (int)Day + 7) % 7));
        }
        var firstOfDay = month.AddDays(((int)Day - (int)month.DayOfWeek + 7) % 7);
        return firstOfDay.AddDays(7 * (Nth - 1));
    }

    public override string Describe() => $"{Months(IntervalMonths)} on the {Ordinal(Nth)} {Day}";
}

/// <summary>
/// Every N months on a weekday of the month's Nth full week (Monday to Sunday, the week beginning on the month's
/// Nth Monday): "the first full week of the month", "the 3rd week of alternate months".
/// </summary>
public sealed record WeekOfMonthCadence(int IntervalMonths, int Week, DayOfWeek Day) : CadenceRule
{
    public override bool IsValid => IntervalMonths is >= 1 and <= 12 && Week is >= 1 and <= 4;

    public override IEnumerable<DateOnly> Dates(DateOnly first, DateOnly until) =>
        MonthsFrom(first, until, IntervalMonths).Select(On).Where(d => d >= first && d <= until);

    private DateOnly On(DateOnly month)
    {
        var firstMonday = month.AddDays(((int)DayOfWeek.Monday - (int)month.DayOfWeek + 7) % 7);
        var weekStart = firstMonday.AddDays(7 * (Week - 1));
        return weekStart.AddDays(((int)Day - (int)DayOfWeek.Monday + 7) % 7);
    }

    public override string Describe() =>
        $"{Months(IntervalMonths)}, on {Day} of the {(Week == 1 ? "first" : Ordinal(Week))} full week";
}
