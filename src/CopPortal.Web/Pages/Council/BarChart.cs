namespace CopPortal.Web.Pages.Council;

/// <summary>A horizontal bar chart drawn as SVG on the server, with the same figures as a table for screen readers.</summary>
public sealed record BarChart(string Id, string Title, string LabelHeading, IReadOnlyList<(string Label, int Value)> Bars)
{
    public const int BarHeight = 24;
    public const int LabelWidth = 260;
    public const int PlotWidth = 360;

    // Computed once: every bar's width divides by it.
    public int Max { get; } = Bars.Count == 0 ? 0 : Bars.Max(b => b.Value);

    /// <summary>
    /// The <paramref name="keep"/> largest bars, then one bar for the rest ("Other communities (n)"), so a chart over
    /// a network of 200 CoPs stays readable (and the page small); the full figures are in the CSV and the queue.
    /// </summary>
    public static List<(string Label, int Value)> TopWithRest(IEnumerable<(string Label, int Value)> bars, int keep, string restLabel)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var all = bars.OrderByDescending(b => b.Value).ThenBy(b => b.Label, StringComparer.Ordinal).ToList();
        if (all.Count <= keep + 1)
        {
            return all;
        }
        var rest = all.Skip(keep).ToList();
        return [.. all.Take(keep), ($"{restLabel} ({rest.Count})", rest.Sum(b => b.Value))];
    }
    public int Height => Math.Max(1, Bars.Count) * (BarHeight + 8);

    public int Width(int value) => Max == 0 ? 0 : (int)Math.Round(PlotWidth * (double)value / Max);

    // The phone layout: each label on its own line above its bar, in a viewBox about as wide as a 320 px screen,
    // so the text keeps roughly its size instead of shrinking with a wide chart.
    public const int NarrowWidth = 300;
    public const int NarrowPlotWidth = 240;
    public const int NarrowRow = 48;

    public int NarrowHeight => Math.Max(1, Bars.Count) * NarrowRow;

    public int NarrowBarWidth(int value) => Max == 0 ? 0 : (int)Math.Round(NarrowPlotWidth * (double)value / Max);
}
