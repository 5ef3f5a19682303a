using SymmetryExplorer.Compute.Data.Files;
using SymmetryExplorer.Compute.Data.Trajectories;

namespace SymmetryExplorer.Compute.Data.BuiltIn;

/// <summary>A generated data set: raw arrays (as a user would upload them), their layout, and its ground truth.</summary>
/// <param name="Train">(N, T, F) training array with labels for class targets.</param>
/// <param name="Test">Held-out array from the shifted distribution (two-/three-body: the other half-plane of start angles), when the recipe has one.</param>
/// <param name="ReferenceAlgebra">Name for <see cref="Algebra.ReferenceAlgebras.ByName"/>.</param>
public sealed record GeneratedDataset(string Name, string Description, TrajectoryArray Train, TrajectoryArray? Test, TrajectoryLayout Layout, string? ReferenceAlgebra)
{
    /// <summary>Training pairs with the data set's own layout.</summary>
    public SymmetryDataset TrainPairs() => TrajectoryWindows.Build(Name, Train.Values, Layout, Train.Labels);

    public SymmetryDataset? TestPairs() => Test is null ? null : TrajectoryWindows.Build(Name + "-test", Test.Values, Layout, Test.Labels);
}

/// <summary>Sizes for generation; defaults follow the reference recipes.</summary>
/// <param name="Trajectories">Training trajectories or samples (0 = the recipe's default).</param>
/// <param name="TestTrajectories">Test trajectories (0 = default).</param>
/// <param name="Frames">Frames per trajectory (0 = 20).</param>
public sealed record BuiltInOptions(int Trajectories = 0, int TestTrajectories = 0, int Frames = 0);

/// <summary>
/// Deterministic (by seed) generators for the built-in data sets: two-body (the LieGAN recipe),
/// three-body, discrete-rotation and lorentz (a top-tagging stand-in).
/// </summary>
public static class BuiltInTrajectoryDatasets
{
    public static IReadOnlyList<string> Names => ["two-body", "three-body", "discrete-rotation", "lorentz"];

    public static bool Exists(string name) => Names.Contains(name);

    public static string Describe(string name) => name switch
    {
        "two-body" => "2-body gravitational orbits (814 train / 790 test trajectories of 20 frames, 8 features); symmetry so(2)",
        "three-body" => "3-body rotating orbits (12 features per frame); symmetry so(2)",
        "discrete-rotation" => "x ~ N(0, I3), y = x3 / (1 + mod(atan2(x2, x1), 2π/7)); symmetry C7 about z",
        "lorentz" => "two-particle 4-momenta with a class label depending on invariant mass; symmetry so(1,3)",
        _ => throw Unknown(name),
    };

    public static GeneratedDataset Generate(string name, int seed = 0, BuiltInOptions? options = null)
    {
        options ??= new BuiltInOptions();
        if (options.Trajectories < 0 || options.TestTrajectories < 0 || options.Frames < 0)
            throw new InvalidInputException("sizes must be 0 (default) or positive.", "trajectories");
        switch (name)
        {
            case "two-body":
                return Orbits(name, seed, options, bodies: 2, NBodyOrbits.TwoBodyInitialState, TrajectoryLayout.TwoBody());
            case "three-body":
                return Orbits(name, seed, options, bodies: 3, NBodyOrbits.ThreeBodyInitialState, TrajectoryLayout.ThreeBody());
            case "discrete-rotation":
            {
                int count = Default(options.Trajectories, 20_000);
                var rng = new SeededRandom(seed);
                var data = new double[(long)count * 4];
                for (int i = 0; i < count; i++)
                {
                    double x1 = rng.Normal(), x2 = rng.Normal(), x3 = rng.Normal();
                    double angle = Math.Atan2(x2, x1);
                    double sector = 2 * Math.PI / 7;
                    double mod = angle - sector * Math.Floor(angle / sector); // Python's mod: result in [0, sector)
                    data[i * 4] = x1; data[i * 4 + 1] = x2; data[i * 4 + 2] = x3; data[i * 4 + 3] = x3 / (1 + mod);
                }
                return new GeneratedDataset(name, Describe(name),
                    new TrajectoryArray(new NdArray(data, [count, 1, 4]), null, "generated", name), null,
                    TrajectoryLayout.DiscreteRotation(), "rotation-z-2pi/7");
            }
            case "lorentz":
            {
                var (momenta, labels) = LorentzPairs.Generate(Default(options.Trajectories, 20_000), seed);
                return new GeneratedDataset(name, Describe(name),
                    new TrajectoryArray(momenta, labels, "generated", name), null, TrajectoryLayout.Particles(2), "so13");
            }
            default:
                throw Unknown(name);
        }
    }

    /// <summary>N-body orbits: train orbits start in the lower half-plane, test orbits in the upper one (the paper's split).</summary>
    private static GeneratedDataset Orbits(string name, int seed, BuiltInOptions options, int bodies,
        Func<SeededRandom, double, double, double[]> initialState, TrajectoryLayout layout)
    {
        int frames = Default(options.Frames, 20);
        var rng = new SeededRandom(seed);
        var train = Enumerable.Range(0, Default(options.Trajectories, 814)).Select(_ => initialState(rng, -Math.PI, 0)).ToList();
        var test = Enumerable.Range(0, Default(options.TestTrajectories, 790)).Select(_ => initialState(rng, 0, Math.PI)).ToList();
        return new GeneratedDataset(name, Describe(name),
            new TrajectoryArray(NBodyOrbits.Integrate(train, bodies, frames), null, "generated", name),
            new TrajectoryArray(NBodyOrbits.Integrate(test, bodies, frames), null, "generated", name + "-test"),
            layout, "so2-blocks");
    }

    private static int Default(int value, int fallback) => value > 0 ? value : fallback;

    private static InvalidInputException Unknown(string name) =>
        new($"unknown built-in data set '{name}'; choose one of {string.Join(", ", Names)}, or give a file path.", "dataset");
}
