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
}
