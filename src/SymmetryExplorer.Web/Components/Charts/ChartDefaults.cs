using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;

namespace SymmetryExplorer.Web.Components.Charts;

/// <summary>
/// Shared Plotly settings: transparent backgrounds and mid-grey text so one chart reads on both
/// the light and the dark theme, compact margins, and a mode bar without the cloud buttons.
/// </summary>
public static class ChartDefaults
{
    public const string TextColor = "#8a8f98";
    public const string GridColor = "rgba(138,143,152,0.22)";

    /// <summary>A diverging scale for signed matrices: blue negative, white zero, red positive.</summary>
    public static readonly object DivergingScale = new object[]
    {
        new object[] { 0.0, "#2166ac" }, new object[] { 0.25, "#67a9cf" }, new object[] { 0.5, "#f7f7f7" },
        new object[] { 0.75, "#ef8a62" }, new object[] { 1.0, "#b2182b" },
    };

    /// <summary>Distinct line colours (Tableau 10), stable per series index.</summary>
    public static readonly string[] Palette =
    [
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
    ];

    public static Config Config() => new()
    {
        Responsive = true,
        DisplayLogo = false,
        DisplayModeBar = Plotly.Blazor.ConfigLib.DisplayModeBarEnum.Hover,
    };

    public static Plotly.Blazor.Layout Layout(string? title, int height, string? xTitle = null, string? yTitle = null, bool logY = false) => new()
    {
        Title = title is null ? null : new Title { Text = title, Font = new Plotly.Blazor.LayoutLib.TitleLib.Font { Size = 14, Color = TextColor } },
        Height = height,
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "rgba(0,0,0,0)",
        Font = new Font { Color = TextColor, Size = 11 },
        Margin = new Margin { L = 56, R = 16, T = title is null ? 16 : 40, B = 44 },
        Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = -0.22m }],
        XAxis =
        [
            new XAxis
            {
                Title = xTitle is null ? null : new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = xTitle },
                GridColor = GridColor, ZeroLineColor = GridColor,
            },
        ],
        YAxis =
        [
            new YAxis
            {
                Title = yTitle is null ? null : new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = yTitle },
                GridColor = GridColor, ZeroLineColor = GridColor,
                Type = logY ? Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Log : Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Linear,
            },
        ],
    };

    /// <summary>Plotly draws a gap for null; NaN and infinities would break the JSON.</summary>
    public static object? Plottable(double v) => double.IsFinite(v) ? v : null;
}
