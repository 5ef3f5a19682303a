using MudBlazor.Services;
using SymmetryExplorer.Compute.Runtime;
using SymmetryExplorer.Web.Api;
using SymmetryExplorer.Web.Components;
using SymmetryExplorer.Web.Features.Datasets;
using SymmetryExplorer.Web.Features.Flows;
using SymmetryExplorer.Web.Features.LieGan;
using SymmetryExplorer.Web.Features.Relaxed;
using SymmetryExplorer.Web.Features.Runs;
using SymmetryExplorer.Web.Features.Trajectories;
using SymmetryExplorer.Web.Health;
using SymmetryExplorer.Web.Storage;

namespace SymmetryExplorer.Web.Hosting;

/// <summary>Service registration and the request pipeline, kept out of Program.cs.</summary>
public static class SymmetryExplorerHosting
{
    public static WebApplicationBuilder AddSymmetryExplorer(this WebApplicationBuilder builder)
    {
        // Serve static web assets (MudBlazor, Plotly, top-level wwwroot) from build output in every
        // environment, not only Development; publish output carries them in wwwroot anyway.
        builder.WebHost.UseStaticWebAssets();

        builder.Services.Configure<ComputeOptions>(builder.Configuration.GetSection(ComputeOptions.SectionName));
        builder.Services.AddProblemDetails();
        builder.Services.AddSymxStorage(builder.Configuration);
        builder.Services.AddSymxDatasets();
        builder.Services.AddSymxTrajectories();
        builder.Services.AddSymxLieGan();
        builder.Services.AddSymxFlows();
        builder.Services.AddSymxRelaxed();
        builder.Services.AddSymxRuns(builder.Configuration);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        return builder;
    }

    public static WebApplication UseSymmetryExplorer(this WebApplication app)
    {
        app.Services.InitializeDatabase();

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        app.UseStatusCodePages();
        app.UseCartesianPlotlyBundle();
        app.UseRouting(); // explicit, so that the rewrite above happens before endpoints are matched
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthEndpoints();
        app.MapDatasetEndpoints();
        app.MapRunEndpoints();
        app.MapSymxRunsHub();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
