using SymmetryExplorer.Web.Features.Runs.Events;
using SymmetryExplorer.Web.Features.Runs.Execution;
using SymmetryExplorer.Web.Features.Runs.Export;
using SymmetryExplorer.Web.Features.Runs.Kinds;
using SymmetryExplorer.Web.Features.Runs.Live;

namespace SymmetryExplorer.Web.Features.Runs;

/// <summary>Registers everything runs need: the event pipeline, the training service, streaming and export.</summary>
public static class RunsRegistration
{
    public static IServiceCollection AddSymxRuns(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TrainingOptions>(configuration.GetSection(TrainingOptions.SectionName));

        services.AddSingleton<RunEventBus>();
        services.AddSingleton<RunEventWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<RunEventWriter>());
        services.AddSingleton<RunEventStore>();
        services.AddSingleton<RunMetricsReader>();

        services.AddSingleton<RunKindRegistry>();
        services.AddSingleton<RunRecovery>();
        services.AddSingleton<RunExecutor>();
        services.AddSingleton<TrainingService>();
        services.AddHostedService(sp => sp.GetRequiredService<TrainingService>());
        services.AddSingleton<RunService>();
        services.AddSingleton<RunExporter>();
        services.AddSingleton<RunSubscriptions>();

        services.AddSignalR().AddJsonProtocol(o =>
            o.PayloadSerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals);
        return services;
    }

    public static IEndpointRouteBuilder MapSymxRunsHub(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<RunsHub>(RunsHub.Path);
        return endpoints;
    }
}
