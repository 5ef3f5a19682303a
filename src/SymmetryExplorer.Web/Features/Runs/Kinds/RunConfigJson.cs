using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SymmetryExplorer.Compute;

namespace SymmetryExplorer.Web.Features.Runs.Kinds;

/// <summary>
/// How engine configurations are stored and edited: snake_case keys, whole numbers kept whole, and a
/// mistyped key is an error rather than silently ignored. Derived (read-only) values are not settings.
/// </summary>
public static class RunConfigJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        IgnoreReadOnlyProperties = true,
    };

    public static JsonElement ToElement<T>(T config) => JsonSerializer.SerializeToElement(config, Options);

    public static string Serialize<T>(T config) => JsonSerializer.Serialize(config, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    /// <summary>
    /// <paramref name="basis"/> (a preset) with the given values put over it. A key the engine does
    /// not know, or a value of the wrong type, is an <see cref="InvalidInputException"/> naming it.
    /// </summary>
    /// <param name="kindName">Used in messages, e.g. "LieGAN".</param>
    public static T Merge<T>(T basis, JsonElement? overrides, string kindName)
    {
        if (overrides is not { ValueKind: JsonValueKind.Object } values) return basis;
        var merged = JsonSerializer.SerializeToNode(basis, Options)!.AsObject();
        foreach (var p in values.EnumerateObject()) merged[p.Name] = JsonNode.Parse(p.Value.GetRawText());
        try
        {
            return merged.Deserialize<T>(Options)!;
        }
        catch (JsonException ex)
        {
            string? field = ex.Path?.TrimStart('$', '.').Split('.', '[')[0];
            string what = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? $"'{field}' is not a {kindName} setting."
                : $"'{field}' has the wrong type of value.";
            throw new InvalidInputException($"{what} GET /api/run-kinds lists every setting with its preset values.",
                string.IsNullOrEmpty(field) ? "config" : field, ex);
        }
    }
}
