using System.CommandLine;
using System.Globalization;
using SymmetryExplorer.Compute;
using SymmetryExplorer.Compute.Flows.Datasets;
using SymmetryExplorer.Compute.Flows.Files;
using SymmetryExplorer.Compute.Flows.Simulation;

namespace SymmetryExplorer.Cli.Commands;

/// <summary>The flow data-set options of <c>symx relaxed</c> and how they become a <see cref="FlowDataset"/>.</summary>
internal sealed class RelaxedDataOptions
{
    public Option<string> Dataset { get; } = new("--dataset")
    {
        Description = "Built-in data set (smoke-rotation, smoke-translation, smoke-dial) or a .npy/.npz/.h5 flow file of shape (S, T, 2, H, W) or (T, 2, H, W).",
        Required = true,
    };

    public Option<int> Grid { get; } = new("--grid") { Description = "Built-in sets: cells per side (multiple of 8; the paper used 64).", DefaultValueFactory = _ => 64 };
    public Option<int?> Sims { get; } = new("--sims") { Description = "Built-in sets: number of simulations (default 36 / 35 / 12)." };
    public Option<int> Frames { get; } = new("--frames") { Description = "Built-in sets: frames per simulation (the paper used 300).", DefaultValueFactory = _ => 300 };
    public Option<double> Dial { get; } = new("--dial") { Description = "smoke-dial: 0 = exactly rotation-symmetric ... 1 = strongly broken.", DefaultValueFactory = _ => 0.0 };
    public Option<string> Layout { get; } = new("--layout") { Description = "Built-in sets: how velocities are stored: centred (default) or faces (the paper's staggered crop).", DefaultValueFactory = _ => "centred" };
    public Option<string?> Array { get; } = new("--array") { Description = "Files: the array inside an .npz / .h5 (default: the only one, or one named 'velocity')." };
    public Option<string?> SaveData { get; } = new("--save-data") { Description = "Also write the (generated or loaded) velocities to this .npy file." };

    public IEnumerable<Option> All => [Dataset, Grid, Sims, Frames, Dial, Layout, Array, SaveData];

    /// <summary>Generates or loads the data set; progress and the measured symmetry go to <paramref name="log"/>.</summary>
    public FlowDataset Load(ParseResult parse, int seed, TextWriter log, CancellationToken cancellation)
    {
        string name = parse.GetValue(Dataset)!;
        FlowDataset data;
        if (BuiltInFlowDatasets.IsBuiltIn(name))
        {
            var options = new FlowGenerationOptions
            {
                Grid = parse.GetValue(Grid),
                Simulations = parse.GetValue(Sims),
                Frames = parse.GetValue(Frames),
                Dial = parse.GetValue(Dial),
                Layout = ParseLayout(parse.GetValue(Layout)),
            };
            var sw = System.Diagnostics.Stopwatch.StartNew();
            data = BuiltInFlowDatasets.Generate(name, options, seed, cancellation);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"generated {name}: {data.Data.Simulations} simulations x {data.Data.Frames} frames on {options.Grid} x {options.Grid} in {sw.Elapsed.TotalSeconds:0.0} s " +
                $"(max relative divergence after projection {data.Simulator?.MaxRelativeDivergence:0.0E+0})"));
        }
        else if (File.Exists(name) || FlowFiles.HasFlowExtension(name))
        {
            var loaded = FlowFiles.Load(name, parse.GetValue(Array));
            data = FlowDataset.FromFile(Path.GetFileName(name), loaded, seed);
            log.WriteLine($"loaded {name}: {loaded.Simulations} simulations x {loaded.Frames} frames on {loaded.Height} x {loaded.Width}");
        }
        else
        {
            throw new InvalidInputException(
                $"Unknown data set '{name}': use one of {string.Join(", ", BuiltInFlowDatasets.Names)}, or a path to a .npy/.npz/.h5 flow file.", "dataset");
        }
        if (data.Equivariance is { } e)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"data-level {e.Symmetry} equivariance error {e.Relative:0.000} (relative; {string.Join(", ", e.PerElement.Select(kv => $"{kv.Key}: {kv.Value:0.000}"))})"));
        }
        if (parse.GetValue(SaveData) is { } path)
        {
            FlowFiles.SaveNpy(path, data.Data);
            log.WriteLine($"saved the velocities to {path}");
        }
        return data;
    }

    private static FrameLayout ParseLayout(string? value) => (value ?? "centred").ToLowerInvariant() switch
    {
        "centred" or "centered" or "cell-centred" => FrameLayout.CellCentred,
        "faces" or "staggered" => FrameLayout.StaggeredFaces,
        _ => throw new InvalidInputException($"Unknown layout '{value}': use centred or faces.", "layout"),
    };
}
