using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SymmetryExplorer.Web.Features.Runs.Pages;

/// <summary>One editable value of a run configuration, typed from the preset's JSON.</summary>
public sealed class ConfigField
{
    public enum FieldType { Number, Text, Boolean, Json }

    public required string Name { get; init; }
    public required FieldType Type { get; init; }
    public double? Number { get; set; }
    public string? Text { get; set; }
    public bool Boolean { get; set; }
    public string? Error { get; set; }

    /// <summary>Whether the preset's value was a whole number: then it is written back as one.</summary>
    public bool Integral { get; init; }

    /// <param name="optionalNumber">The field is a number that may be empty: a null value becomes an empty number field.</param>
    public static ConfigField From(string name, JsonElement value, bool optionalNumber = false) => value.ValueKind switch
    {
        JsonValueKind.Null when optionalNumber => new ConfigField { Name = name, Type = FieldType.Number },
        JsonValueKind.Number => new ConfigField
        {
            Name = name, Type = FieldType.Number, Number = value.GetDouble(),
            Integral = value.TryGetInt64(out _) && !value.GetRawText().Contains('.') && !value.GetRawText().Contains('e', StringComparison.OrdinalIgnoreCase),
        },
        JsonValueKind.String => new ConfigField { Name = name, Type = FieldType.Text, Text = value.GetString() },
        JsonValueKind.True or JsonValueKind.False => new ConfigField { Name = name, Type = FieldType.Boolean, Boolean = value.GetBoolean() },
        _ => new ConfigField { Name = name, Type = FieldType.Json, Text = value.ValueKind == JsonValueKind.Null ? "" : value.GetRawText() },
    };

    /// <summary>The value as JSON; a malformed JSON field sets <see cref="Error"/> and yields null.</summary>
    public JsonNode? ToJson()
    {
        switch (Type)
        {
            case FieldType.Number when Number is { } n:
                return Integral && Math.Abs(n - Math.Round(n)) < 1e-12 ? JsonValue.Create((long)Math.Round(n)) : JsonValue.Create(n);
            case FieldType.Number:
                return null;
            case FieldType.Text:
                return JsonValue.Create(Text ?? "");
            case FieldType.Boolean:
                return JsonValue.Create(Boolean);
            default:
                if (string.IsNullOrWhiteSpace(Text)) return null;
                try { return JsonNode.Parse(Text); }
                catch (JsonException ex)
                {
                    Error = $"Not valid JSON: {ex.Message}";
                    return null;
                }
        }
    }

    public static string Label(string name) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.Replace('_', ' ')).Replace(" Lr", " LR").Replace("Lr ", "LR ");
}
