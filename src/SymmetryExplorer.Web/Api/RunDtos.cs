using System.Text.Json;
using SymmetryExplorer.Web.Features.Runs.Events;
using SymmetryExplorer.Web.Storage;

namespace SymmetryExplorer.Web.Api;

/// <summary>A run as the HTTP API lists it.</summary>
public sealed record RunSummaryDto(
    string Id, string Kind, string Status, string DatasetId, string DatasetName, string? Preset, int Seed, string Device,
    double Progress, int Epoch, int TotalEpochs, string? Summary, JsonElement? KeyMetrics,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, double TrainingSeconds, string? Error)
{
    public static RunSummaryDto From(RunRecord r) => new(
        r.Id, r.Kind, r.Status, r.DatasetId, r.DatasetName, r.Preset, r.Seed, r.Device, r.Progress, r.Epoch, r.TotalEpochs,
        r.Summary, r.KeyMetricsJson is null ? null : RunJson.Parse(r.KeyMetricsJson),
        r.CreatedAt, r.StartedAt, r.FinishedAt, r.TrainingSeconds, r.Error);
}

/// <summary>A run in full: the summary plus its configuration, provenance, result and checkpoint.</summary>
public sealed record RunDetailDto(
    RunSummaryDto Run, JsonElement Config, JsonElement Provenance, JsonElement? Result, int? LastCheckpointEpoch, long LastSeq)
{
    public static RunDetailDto From(RunRecord r) => new(
        RunSummaryDto.From(r), RunJson.Parse(r.ConfigJson), RunJson.Parse(r.ProvenanceJson),
        r.ResultJson is null ? null : RunJson.Parse(r.ResultJson), r.LastCheckpointEpoch, r.LastSeq);
}

/// <summary>One metric curve.</summary>
public sealed record MetricSeriesDto(string Name, double[] X, double[] Y);

/// <summary>The response of <c>GET /api/runs/{id}/metrics</c>.</summary>
public sealed record RunMetricsDto(string RunId, string Scope, string XAxis, IReadOnlyList<MetricSeriesDto> Series);

/// <summary>A run kind with its presets (<c>GET /api/run-kinds</c>).</summary>
public sealed record RunKindDto(string Kind, string DisplayName, string Description, string DatasetKind, IReadOnlyList<RunPresetDto> Presets);

public sealed record RunPresetDto(string Name, string Description, JsonElement Config);
