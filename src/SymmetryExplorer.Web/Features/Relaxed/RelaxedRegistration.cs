using SymmetryExplorer.Web.Features.Runs.Kinds;

namespace SymmetryExplorer.Web.Features.Relaxed;

public static class RelaxedRegistration
{
    /// <summary>Relaxed-equivariant training runs.</summary>
    public static IServiceCollection AddSymxRelaxed(this IServiceCollection services) =>
        services.AddSingleton<IRunKind, RelaxedRunKind>();
}
