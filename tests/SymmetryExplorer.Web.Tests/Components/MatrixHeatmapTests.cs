using Bunit;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using SymmetryExplorer.Web.Components.Charts;

namespace SymmetryExplorer.Web.Tests.Components;

public class MatrixHeatmapTests : ComponentTestBase
{
    private static readonly double[][] Generator =
    [
        [0, 2.5, 0],
        [-2.5, 0, 0.5],
        [0, -0.5, 0],
    ];

    [Fact]
    public void Heatmap_draws_the_matrix_rows_as_written_with_a_colour_scale_symmetric_about_zero()
    {
        var cut = Render<MatrixHeatmap>(p => p
            .Add(h => h.Id, "gen")
            .Add(h => h.Matrix, Generator)
            .Add(h => h.Labels, ["x", "y", "z"]));

        var chart = cut.FindComponent<PlotlyChart>().Instance;
        var heatmap = Assert.IsType<HeatMap>(Assert.Single(chart.Data));
        var z = heatmap.Z.Cast<IEnumerable<object?>>().Select(row => row.Select(v => (double)v!).ToArray()).ToArray();
        Assert.Equal(Generator, z);
        Assert.Equal(-2.5m, heatmap.ZMin);
        Assert.Equal(2.5m, heatmap.ZMax);
        Assert.Equal(0m, heatmap.ZMid);
        Assert.Equal(["x", "y", "z"], heatmap.X.Cast<string>());
        Assert.Equal(Plotly.Blazor.LayoutLib.YAxisLib.AutoRangeEnum.Reversed, chart.Layout.YAxis[0].AutoRange);
    }

    [Fact]
    public void A_new_matrix_replaces_the_drawn_one_in_the_same_chart_objects()
    {
        var cut = Render<MatrixHeatmap>(p => p.Add(h => h.Id, "gen").Add(h => h.Matrix, Generator));
        var chart = cut.FindComponent<PlotlyChart>().Instance;
        var data = chart.Data;
        string firstHash = cut.Find(".symx-chart").GetAttribute("data-matrix-hash")!;

        double[][] next = [[0, 1], [-1, 0]];
        cut.Render(p => p.Add(h => h.Matrix, next));

        Assert.Same(data, chart.Data); // Plotly.Blazor redraws the objects it was first given
        var heatmap = Assert.IsType<HeatMap>(Assert.Single(chart.Data));
        Assert.Equal(2, heatmap.Z.Count);
        Assert.NotEqual(firstHash, cut.Find(".symx-chart").GetAttribute("data-matrix-hash"));
    }

    [Fact]
    public void NaN_entries_become_gaps_instead_of_breaking_the_chart()
    {
        var cut = Render<MatrixHeatmap>(p => p.Add(h => h.Id, "gen").Add(h => h.Matrix, [[double.NaN, 1], [-1, 0]]));

        var heatmap = (HeatMap)cut.FindComponent<PlotlyChart>().Instance.Data[0];
        Assert.Null(heatmap.Z.Cast<IEnumerable<object?>>().First().First());
        Assert.Equal(1m, heatmap.ZMax);
    }
}
