using System.Text.Json;
using System.Text.Json.Serialization;

namespace SymmetryExplorer.Web.Features.Runs.Events;

/// <summary>
/// JSON settings for everything a run stores: snake_case keys (the engine's result.json contract)
/// and NaN/Infinity allowed, because a diverged loss is a fact worth keeping, not a crash.
/// </summary>
public static class RunJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize(object? value) => JsonSerializer.Serialize(value, value?.GetType() ?? typeof(object), Options);

    public static JsonElement ToElement(object? value) => JsonSerializer.SerializeToElement(value, value?.GetType() ?? typeof(object), Options);

    public static JsonElement Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
