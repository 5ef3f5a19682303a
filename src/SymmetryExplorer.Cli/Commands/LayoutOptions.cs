using System.CommandLine;
using System.Globalization;
using SymmetryExplorer.Compute;
using SymmetryExplorer.Compute.Data.Trajectories;

namespace SymmetryExplorer.Cli.Commands;

/// <summary>
/// Options that describe how a trajectory file maps onto LieGAN pairs: a named layout, or frames in
/// and out, vector groups and a feature permutation. Any of them overrides the named (or suggested)
/// layout's value.
/// </summary>
public sealed class LayoutOptions
{
    private readonly Option<string?> _layout = new("--layout") { Description = $"Named layout: {string.Join(", ", TrajectoryLayout.Names)}." };
    private readonly Option<int?> _framesIn = new("--frames-in") { Description = "Input frames per window." };
    private readonly Option<int?> _framesOut = new("--frames-out") { Description = "Output frames per window." };
    private readonly Option<string?> _vectors = new("--vectors") { Description = "Vector groups as feature indices, e.g. \"0,1;2,3;4,5;6,7\" (after the permutation)." };
    private readonly Option<string?> _permutation = new("--permutation") { Description = "Feature permutation, e.g. \"0,2,4,6,1,3,5,7\" (raw two-body order to q1,p1,q2,p2)." };

    public static LayoutOptions Create() => new();

    public void AddTo(Command command)
    {
        command.Options.Add(_layout);
        command.Options.Add(_framesIn);
        command.Options.Add(_framesOut);
        command.Options.Add(_vectors);
        command.Options.Add(_permutation);
    }

    /// <summary>The layout the options describe, or null when none was given (use the data set's own).</summary>
    public TrajectoryLayout? Resolve(ParseResult parse)
    {
        string? name = parse.GetValue(_layout);
        int? framesIn = parse.GetValue(_framesIn), framesOut = parse.GetValue(_framesOut);
        string? vectors = parse.GetValue(_vectors), permutation = parse.GetValue(_permutation);
        if (name is null && framesIn is null && framesOut is null && vectors is null && permutation is null) return null;

        TrajectoryLayout layout = name is null ? new TrajectoryLayout()
            : TrajectoryLayout.Named(name) ?? throw new InvalidInputException($"unknown layout '{name}'; choose one of {string.Join(", ", TrajectoryLayout.Names)}.", "layout");
        if (framesIn is { } fi) layout = layout with { FramesIn = fi };
        if (framesOut is { } fo) layout = layout with { FramesOut = fo };
        if (permutation is not null) layout = layout with { Permutation = ParseInts(permutation, "permutation"), FeatureNames = name is null ? null : layout.FeatureNames };
        if (vectors is not null)
        {
            var groups = vectors.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select((g, i) => new VectorGroup($"v{i}", ParseInts(g, "vectors"))).ToList();
            layout = layout with { VectorGroups = groups };
        }
        return layout;
    }

    private static int[] ParseInts(string text, string field)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var values = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
                throw new InvalidInputException($"--{field}: '{parts[i]}' is not a feature index (use comma-separated integers).", field);
        return values;
    }
}
