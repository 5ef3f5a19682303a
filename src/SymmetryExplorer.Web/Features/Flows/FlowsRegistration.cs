using SymmetryExplorer.Web.Features.Datasets;

namespace SymmetryExplorer.Web.Features.Flows;

public static class FlowsRegistration
{
    /// <summary>Flow data sets: smoke-plume built-ins, uploads, animated previews.</summary>
    public static IServiceCollection AddSymxFlows(this IServiceCollection services) =>
        services.AddSingleton<IDatasetKindHandler, FlowDatasetHandler>();
}
