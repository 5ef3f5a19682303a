namespace SymmetryExplorer.Web.Tests.Infrastructure;

public class PlotlyBundleTests : IDisposable
{
    private readonly SymxWebApp _app = new();

    [Fact]
    public async Task Plotly_Blazors_bundle_url_serves_the_cartesian_bundle_and_pages_do_not_load_plotly_themselves()
    {
        using var http = _app.CreateHttpClient();

        string bundle = await http.GetStringAsync("/_content/Plotly.Blazor/plotly-3.7.0.min.js");
        Assert.StartsWith("/**\n* plotly.js (cartesian - minified) v3.7.0", bundle.TrimStart('\uFEFF'));
        Assert.Contains("name:\"heatmap\"", bundle); // every trace type the app draws is in it
        Assert.Contains("name:\"bar\"", bundle);

        string page = await http.GetStringAsync("/");
        Assert.DoesNotMatch("<script[^>]*src=\"[^\"]*plotly", page); // Plotly.Blazor loads it once, asynchronously
    }

    public void Dispose() => _app.Dispose();
}
