using System.Globalization;

namespace CopPortal.Web.Infrastructure.Forms;

/// <summary>
/// A date typed as day, month and year in three boxes, the NHS.UK date input pattern. A browser's own date
/// field shows its locale's order (mm/dd/yyyy in a US-English browser), which misleads as often as it helps.
/// The parts are kept as typed so a mistake is shown back to the person exactly as they entered it.
/// </summary>
public sealed class DateInput
{
    public const string Example = "For example, 15 3 2027";

    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    /// <summary>The date the parts make, or null when they are empty or do not make a real date.</summary>
    public DateOnly? Value =>
        Part(Day) is int day && Part(Month) is int month && Part(Year) is int year
            && year is >= 1900 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    public static DateInput From(DateOnly? date) => date is DateOnly d
        ? new DateInput
        {
            Day = d.Day.ToString(CultureInfo.InvariantCulture),
            Month = d.Month.ToString(CultureInfo.InvariantCulture),
            Year = d.Year.ToString(CultureInfo.InvariantCulture),
        }
        : new DateInput();

    private static int? Part(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
