using SymmetryExplorer.Web.Features.Runs.Kinds;

namespace SymmetryExplorer.Web.Features.LieGan;

public static class LieGanRegistration
{
    /// <summary>LieGAN discovery runs.</summary>
    public static IServiceCollection AddSymxLieGan(this IServiceCollection services) =>
        services.AddSingleton<IRunKind, LieGanRunKind>();
}
