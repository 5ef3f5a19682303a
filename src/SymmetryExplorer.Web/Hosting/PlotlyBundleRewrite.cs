using Microsoft.AspNetCore.Rewrite;

namespace SymmetryExplorer.Web.Hosting;

/// <summary>
/// Serves Plotly's cartesian bundle where Plotly.Blazor loads Plotly from.
/// </summary>
/// <remarks>
/// Plotly.Blazor 7.2 injects <c>_content/Plotly.Blazor/plotly-3.7.0.min.js</c> (the full 4.8 MB
/// bundle) itself, asynchronously, and holds every chart call until it has loaded. Every trace type
/// this app draws (scatter, bar, heatmap) is in the cartesian bundle of the same version
/// (npm plotly.js-cartesian-dist-min 3.7.0, 1.4 MB, vendored in wwwroot/lib/plotly), which a
/// browser evaluates in less than half the time; answering that URL with it keeps Plotly.Blazor's
/// loading and readiness logic as it is.
/// </remarks>
public static class PlotlyBundleRewrite
{
    public const string PlotlyBlazorBundle = "_content/Plotly.Blazor/plotly-3.7.0.min.js";
    public const string CartesianBundle = "lib/plotly/plotly-cartesian-3.7.0.min.js";

    /// <summary>Rewrites the bundle URL; call before routing.</summary>
    public static WebApplication UseCartesianPlotlyBundle(this WebApplication app)
    {
        app.UseRewriter(new RewriteOptions().AddRewrite(
            "^" + System.Text.RegularExpressions.Regex.Escape(PlotlyBlazorBundle) + "$", CartesianBundle, skipRemainingRules: true));
        return app;
    }
}
