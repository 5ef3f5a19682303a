using SymmetryExplorer.Compute.Runtime;

namespace SymmetryExplorer.Web.Health;

/// <summary><c>GET /healthz</c>: liveness plus the backend the engine runs on (contract in docs/architecture.md).</summary>
public static class HealthEndpoints
{
    public sealed record TorchHealth(string Version, string Device, int Threads);

    public sealed record HealthResponse(string Status, TorchHealth Torch);

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () =>
        {
            var info = TorchRuntime.Info;
            return TypedResults.Json(
                new HealthResponse("ok", new TorchHealth(info.TorchVersion, info.Device, info.Threads)),
                HealthJson.Options);
        }).WithName("Health").ExcludeFromDescription();
        return endpoints;
    }

    private static class HealthJson
    {
        public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web);
    }
}
