namespace SymmetryExplorer.Compute.Flows.Datasets;

/// <summary>What a built-in flow data set is, for pickers and cards.</summary>
public sealed record BuiltInFlowDatasetInfo(string Name, string Description, int DefaultSimulations, string Symmetry, bool UsesDial);

/// <summary>
/// The built-in smoke-plume data sets: <c>smoke-rotation</c>, <c>smoke-translation</c> and the
/// symmetry-breaking family <c>smoke-dial</c>. Generation is deterministic for given options; the
/// seed only chooses which simulations are held out for the Domain test.
/// </summary>
public static class BuiltInFlowDatasets
{
    public static IReadOnlyList<BuiltInFlowDatasetInfo> All { get; } =
    [
        new(SmokeRotationSet.Name,
            "Plumes from the four sides pushed away from their wall; sides differ slightly in force strength (rotation symmetry, slightly broken).",
            SmokeRotationSet.DefaultSimulations, "rotation", false),
        new(SmokeTranslationSet.Name,
            "Plumes from a grid of inflow positions, buoyancy 0.1 on the left half and 0.2 on the right (translation symmetry, broken).",
            SmokeTranslationSet.DefaultSimulations, "translation", false),
        new(SmokeDialSet.Name,
            "Upward plumes stored in four orientations whose buoyancy grows with the dial: 0 = exactly rotation-symmetric, 1 = strongly broken.",
            SmokeDialSet.DefaultSimulations, "rotation", true),
    ];

    public static IReadOnlyList<string> Names => All.Select(d => d.Name).ToArray();

    public static bool IsBuiltIn(string name) => All.Any(d => d.Name == name);

    /// <summary>
    /// Simulates a built-in set. <paramref name="onSimulation"/> is called with (done, total) after each simulation.
    /// </summary>
    /// <exception cref="InvalidInputException">Unknown name or options out of range.</exception>
    public static FlowDataset Generate(string name, FlowGenerationOptions options, int seed,
                                       CancellationToken cancellation = default, Action<int, int>? onSimulation = null)
    {
        var info = All.FirstOrDefault(d => d.Name == name)
                   ?? throw new InvalidInputException($"Unknown flow data set '{name}': use one of {string.Join(", ", Names)}, or a .npy/.npz/.h5 file.", "dataset");
        options.Validate(minimumSimulations: name == SmokeTranslationSet.Name ? 2 : 8);
        if (options.Grid % 8 != 0)
            throw new InvalidInputException($"The smoke data sets need a grid that is a multiple of 8 (inflow positions sit on an 8-cell lattice), not {options.Grid}.", "grid");
        if (!info.UsesDial && options.Dial != 0)
            throw new InvalidInputException($"The dial only applies to {SmokeDialSet.Name}.", "dial");
        return name switch
        {
            SmokeRotationSet.Name => SmokeRotationSet.Generate(options, seed, cancellation, onSimulation),
            SmokeTranslationSet.Name => SmokeTranslationSet.Generate(options, seed, cancellation, onSimulation),
            _ => SmokeDialSet.Generate(options, seed, cancellation, onSimulation),
        };
    }
}
