using System.Text.Json;
using System.Text.Json.Serialization;
using SymmetryExplorer.Compute;
using SymmetryExplorer.Compute.Data.Trajectories;

namespace SymmetryExplorer.Web.Features.Trajectories;

/// <summary>A trajectory layout as stored with a data set (snake_case JSON, enum names as text).</summary>
public static class TrajectoryLayoutJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static JsonElement ToElement(TrajectoryLayout layout) => JsonSerializer.SerializeToElement(layout, Options);

    /// <summary>Reads a layout a person or a form wrote; a malformed one is bad input, not a crash.</summary>
    public static TrajectoryLayout Parse(JsonElement json)
    {
        try
        {
            return json.Deserialize<TrajectoryLayout>(Options)
                   ?? throw new InvalidInputException("The layout is empty.", "layout");
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException($"The layout is not valid: {ex.Message}", "layout", ex);
        }
    }
}
