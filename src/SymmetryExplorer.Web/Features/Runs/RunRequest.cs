using System.Text.Json;

namespace SymmetryExplorer.Web.Features.Runs;

/// <summary>
/// A request to start a run (the body of <c>POST /api/runs</c>).
/// </summary>
/// <param name="Kind">Run kind: liegan or relaxed.</param>
/// <param name="Dataset">Data set id.</param>
/// <param name="Config">Configuration values overriding the preset's (snake_case keys); may be omitted.</param>
/// <param name="Seed">Random seed; omitted means a fresh one, which is recorded with the run.</param>
/// <param name="Preset">Preset to start from; omitted means the one suggested for the data set.</param>
/// <param name="Device">auto, cpu or cuda; omitted means the server's default.</param>
public sealed record RunRequest(string Kind, string Dataset, JsonElement? Config = null, int? Seed = null, string? Preset = null, string? Device = null);
