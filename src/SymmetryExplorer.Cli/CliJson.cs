using System.Text.Json;

namespace SymmetryExplorer.Cli;

/// <summary>JSON settings for everything symx prints or writes: snake_case keys, indented.</summary>
public static class CliJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };
}
