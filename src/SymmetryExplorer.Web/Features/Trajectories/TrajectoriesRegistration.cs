using SymmetryExplorer.Web.Features.Datasets;

namespace SymmetryExplorer.Web.Features.Trajectories;

public static class TrajectoriesRegistration
{
    /// <summary>Trajectory data sets: upload, built-ins, previews and layouts.</summary>
    public static IServiceCollection AddSymxTrajectories(this IServiceCollection services) =>
        services.AddSingleton<IDatasetKindHandler, TrajectoryDatasetHandler>();
}
