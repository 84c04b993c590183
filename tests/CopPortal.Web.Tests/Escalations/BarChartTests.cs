using CopPortal.Web.Pages.Council;

namespace CopPortal.Web.Tests.Escalations;

/// <summary>The council's chart by community names the busiest CoPs and folds the rest into one bar.</summary>
public sealed class BarChartTests
{
    [Fact]
    public void Top_bars_are_kept_in_order_and_the_rest_share_one_bar_with_their_total()
    {
        var bars = Enumerable.Range(1, 14).Select(i => ($"CoP {i:00}", i)).ToList();

        var charted = BarChart.TopWithRest(bars, 10, "Other communities");

        Assert.Equal(11, charted.Count);
        Assert.Equal(Enumerable.Range(5, 10).Reverse().Select(i => $"CoP {i:00}"), charted.Take(10).Select(b => b.Label));
        Assert.Equal(("Other communities (4)", 1 + 2 + 3 + 4), charted[^1]);
    }

    [Fact]
    public void A_single_leftover_bar_is_shown_by_name_rather_than_as_a_group_of_one()
    {
        var bars = Enumerable.Range(1, 11).Select(i => ($"CoP {i:00}", i)).ToList();

        var charted = BarChart.TopWithRest(bars, 10, "Other communities");

        Assert.Equal(11, charted.Count);
        Assert.Equal("CoP 01", charted[^1].Label);
    }

    [Fact]
    public void Widths_scale_to_the_largest_bar()
    {
        var chart = new BarChart("c", "Title", "Community", [("A", 10), ("B", 5)]);

        Assert.Equal(BarChart.PlotWidth, chart.Width(10));
        Assert.Equal(BarChart.PlotWidth / 2, chart.Width(5));
    }
}
