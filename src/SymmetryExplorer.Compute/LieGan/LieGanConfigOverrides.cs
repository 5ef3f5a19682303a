using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SymmetryExplorer.Compute.LieGan;

/// <summary>
/// Applies "key=value" overrides to a configuration by its snake_case field names (the same names
/// result.json and the web form use), e.g. generator_learning_rate=0.01 or init=random.
/// </summary>
public static class LieGanConfigOverrides
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static LieGanConfig Apply(LieGanConfig config, IEnumerable<string> assignments)
    {
        var node = JsonSerializer.SerializeToNode(config, Json)!.AsObject();
        foreach (string assignment in assignments)
        {
            int eq = assignment.IndexOf('=');
            if (eq <= 0) throw new InvalidInputException($"'{assignment}' is not key=value (e.g. generator_learning_rate=0.01).", "set");
            string key = assignment[..eq].Trim(), value = assignment[(eq + 1)..].Trim();
            if (!node.ContainsKey(key))
                throw new InvalidInputException($"unknown setting '{key}'; settings are {string.Join(", ", node.Select(kv => kv.Key))}.", key);
            node[key] = Parse(value);
        }
        try
        {
            return node.Deserialize<LieGanConfig>(Json)!;
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException($"a setting has the wrong type ({ex.Path}): {ex.Message}", "set", ex);
        }
    }

    private static JsonNode? Parse(string value)
    {
        if (value is "null" or "") return null;
        if (value is "true" or "false") return JsonValue.Create(value == "true");
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
            return d == Math.Floor(d) && Math.Abs(d) < int.MaxValue && !value.Contains('.') && !value.Contains('e', StringComparison.OrdinalIgnoreCase)
                ? JsonValue.Create((int)d) : JsonValue.Create(d);
        if (value.StartsWith('[')) return JsonNode.Parse(value);
        return JsonValue.Create(value);
    }
}
