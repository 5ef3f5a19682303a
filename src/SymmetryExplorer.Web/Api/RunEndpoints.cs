using SymmetryExplorer.Compute;
using SymmetryExplorer.Compute.Jobs;
using SymmetryExplorer.Web.Features.Runs;
using SymmetryExplorer.Web.Features.Runs.Events;
using SymmetryExplorer.Web.Features.Runs.Export;
using SymmetryExplorer.Web.Features.Runs.Kinds;

namespace SymmetryExplorer.Web.Api;

/// <summary>The runs part of the HTTP API (contract in docs/architecture.md).</summary>
public static class RunEndpoints
{
    public static RouteGroupBuilder MapRunEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/runs").WithTags("Runs").AddEndpointFilter<ProblemMapping>();

        group.MapGet("/", async (RunService runs, CancellationToken ct) =>
            (await runs.ListAsync(ct)).Select(RunSummaryDto.From));

        group.MapPost("/", async (RunRequest request, RunService runs, CancellationToken ct) =>
        {
            var run = await runs.StartAsync(request, ct);
            return TypedResults.Created($"/api/runs/{run.Id}", RunDetailDto.From(run));
        });

        group.MapGet("/{id}", async (string id, RunService runs, CancellationToken ct) =>
            RunDetailDto.From(await runs.GetAsync(id, ct) ?? throw new RunNotFoundException(id)));

        group.MapPost("/{id}/cancel", async (string id, RunService runs, CancellationToken ct) =>
            RunSummaryDto.From(await runs.CancelAsync(id, ct)));

        group.MapPost("/{id}/resume", async (string id, RunService runs, CancellationToken ct) =>
            RunSummaryDto.From(await runs.ResumeAsync(id, ct)));

        group.MapDelete("/{id}", async (string id, RunService runs, CancellationToken ct) =>
        {
            await runs.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        });

        group.MapGet("/{id}/metrics", async (string id, string? scope, int? maxPoints, RunService runs, RunMetricsReader metrics, CancellationToken ct) =>
        {
            _ = await runs.GetAsync(id, ct) ?? throw new RunNotFoundException(id);
            scope ??= JobMetrics.EpochScope;
            if (scope is not (JobMetrics.EpochScope or JobMetrics.BatchScope))
                throw new InvalidInputException("scope must be 'epoch' or 'batch'.", "scope");
            if (maxPoints is < 4) throw new InvalidInputException("maxPoints must be at least 4 (omit it for every point).", "maxPoints");
            var series = await metrics.ReadAsync(id, scope, maxPoints, ct: ct);
            return new RunMetricsDto(id, scope, scope == JobMetrics.EpochScope ? "epoch" : "step",
                series.Select(s => new MetricSeriesDto(s.Name, s.X, s.Y)).ToList());
        });

        group.MapGet("/{id}/events", async (string id, long? after, int? limit, RunService runs, RunEventStore store, CancellationToken ct) =>
        {
            _ = await runs.GetAsync(id, ct) ?? throw new RunNotFoundException(id);
            return await store.ReadAsync(id, after ?? 0, Math.Clamp(limit ?? 1000, 1, 5000), ct);
        });

        group.MapGet("/{id}/export", async (string id, string? format, string? table, RunExporter exporter, CancellationToken ct) =>
        {
            switch (format ?? "json")
            {
                case "json":
                    var document = await exporter.ExportJsonAsync(id, ct);
                    return Results.Text(document, "application/json");
                case "csv":
                    var (fileName, csv) = await exporter.ExportCsvAsync(id, table ?? "metrics", ct);
                    return Results.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv", fileName);
                default:
                    throw new InvalidInputException("format must be 'json' or 'csv'.", "format");
            }
        });

        endpoints.MapGet("/api/run-kinds", (RunKindRegistry kinds) => kinds.All.Select(k => new RunKindDto(
            k.Kind, k.DisplayName, k.Description, k.DatasetKind,
            k.Presets.Select(p => new RunPresetDto(p.Name, p.Description, p.Config)).ToList()))).WithTags("Runs");

        return group;
    }
}
