using System.Globalization;
using CopPortal.Domain.Data;
using CopPortal.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Escalations;

/// <summary>A calendar quarter in London time (Q1 = January to March), as the council reports by.</summary>
public readonly record struct Quarter(int Year, int Number)
{
    public static Quarter Of(DateTimeOffset utc)
    {
        var london = LondonTime.ToLondon(utc);
        return new Quarter(london.Year, ((london.Month - 1) / 3) + 1);
    }

    /// <summary>"2026-Q4" in URLs and forms; null for anything else.</summary>
    public static Quarter? Parse(string? text)
    {
        if (text is { Length: 7 } && text[4] == '-' && text[5] == 'Q'
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && year is >= 2000 and <= 2999 && text[6] is >= '1' and <= '4')
        {
            return new Quarter(year, text[6] - '0');
        }
        return null;
    }

    public DateTimeOffset StartUtc => Utc(new DateTime(Year, ((Number - 1) * 3) + 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
    public DateTimeOffset EndUtc => Next.StartUtc;
    public Quarter Next => Number == 4 ? new Quarter(Year + 1, 1) : new Quarter(Year, Number + 1);
    public Quarter Previous => Number == 1 ? new Quarter(Year - 1, 4) : new Quarter(Year, Number - 1);

    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Number}");

    /// <summary>"October to December 2026".</summary>
    public string Label => Number switch
    {
        1 => $"January to March {Year}",
        2 => $"April to June {Year}",
        3 => $"July to September {Year}",
        _ => $"October to December {Year}",
    };

    public override string ToString() => Key;

    private static DateTimeOffset Utc(DateTime london) =>
        new(TimeZoneInfo.ConvertTimeToUtc(london, LondonTime.Zone), TimeSpan.Zero);
}

/// <summary>The council dashboard's figures, from one projection of the submitted points (one query).</summary>
public sealed record EscalationFigures(
    int Total,
    IReadOnlyList<(TripleACategory Category, int Count)> ByCategory,
    IReadOnlyList<(string Community, int Count)> ByCommunity,
    IReadOnlyList<(Quarter Quarter, int Count)> ByQuarter,
    IReadOnlyList<(PointStatus Status, int Count)> ByStatus,
    int OpenAlerts,
    int WithOutcome,
    double? MedianDaysToOutcome,
    double? MeanDaysToOutcome)
{
    public static async Task<EscalationFigures> LoadAsync(CopDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.EscalationPoints.AsNoTracking()
            .Where(p => p.Status != PointStatus.Draft)
            .Select(p => new { p.Category, p.Status, p.SubmittedAt, p.OutcomeRecordedAt, Community = p.Community!.Name })
            .ToListAsync(cancellationToken);
        var days = rows.Where(r => r.OutcomeRecordedAt is not null && r.SubmittedAt is not null)
            .Select(r => (r.OutcomeRecordedAt!.Value - r.SubmittedAt!.Value).TotalDays)
            .Order()
            .ToList();
        return new EscalationFigures(
            rows.Count,
            Enum.GetValues<TripleACategory>().Select(c => (c, rows.Count(r => r.Category == c))).ToList(),
            rows.GroupBy(r => r.Community).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal).ToList(),
            rows.Where(r => r.SubmittedAt is not null).GroupBy(r => Quarter.Of(r.SubmittedAt!.Value)).Select(g => (g.Key, g.Count()))
                .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Number).ToList(),
            Enum.GetValues<PointStatus>().Where(s => s != PointStatus.Draft).Select(s => (s, rows.Count(r => r.Status == s))).ToList(),
            rows.Count(r => r.Category == TripleACategory.Alert && PointStatuses.IsOpen(r.Status)),
            days.Count,
            Median(days),
            days.Count == 0 ? null : days.Average());
    }

    private static double? Median(List<double> sorted) => sorted.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => (sorted[(n / 2) - 1] + sorted[n / 2]) / 2,
    };
}
