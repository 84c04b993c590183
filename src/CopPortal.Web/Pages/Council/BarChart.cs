namespace CopPortal.Web.Pages.Council;

/// <summary>A horizontal bar chart drawn as SVG on the server, with the same figures as a table for screen readers.</summary>
public sealed record BarChart(string Id, string Title, string LabelHeading, IReadOnlyList<(string Label, int Value)> Bars)
{
    public const int BarHeight = 24;
    public const int LabelWidth = 260;
    public const int PlotWidth = 360;

    public int Max => Bars.Count == 0 ? 0 : Bars.Max(b => b.Value);
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
