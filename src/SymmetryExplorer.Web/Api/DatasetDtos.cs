using System.Text.Json;
using SymmetryExplorer.Web.Features.Runs.Events;
using SymmetryExplorer.Web.Storage;

namespace SymmetryExplorer.Web.Api;

/// <summary>A data set as the HTTP API returns it.</summary>
public sealed record DatasetDto(
    string Id, string Name, string Kind, string Source, string? Builtin, string Format, string? OriginalFileName,
    long SizeBytes, string Sha256, int[] Shape, JsonElement Layout, JsonElement? Details, string? Description, DateTimeOffset CreatedAt)
{
    public static DatasetDto From(DatasetRecord d) => new(
        d.Id, d.Name, d.Kind, d.Source, d.BuiltinName, d.Format, d.OriginalFileName, d.SizeBytes, d.Sha256,
        JsonSerializer.Deserialize<int[]>(d.ShapeJson) ?? [], RunJson.Parse(d.LayoutJson),
        d.DetailsJson is null ? null : RunJson.Parse(d.DetailsJson), d.Description, d.CreatedAt);
}

/// <summary>Body of <c>POST /api/datasets/builtin</c>.</summary>
/// <param name="Name">Built-in generator, e.g. two-body.</param>
/// <param name="Kind">trajectory or flow; omitted means the kind that has a built-in of that name.</param>
/// <param name="Options">Generator options (sizes), snake_case.</param>
/// <param name="Seed">Seed for the generator (default 0).</param>
public sealed record GenerateDatasetRequest(string Name, string? Kind = null, JsonElement? Options = null, int? Seed = null);

/// <summary>A built-in data set that can be generated.</summary>
public sealed record BuiltInDatasetDto(string Kind, string Name, string Title, string Symmetry, string Description);
