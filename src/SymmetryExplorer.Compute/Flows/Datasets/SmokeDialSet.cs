using System.Globalization;
using SymmetryExplorer.Compute.Flows.Simulation;

namespace SymmetryExplorer.Compute.Flows.Datasets;

/// <summary>
/// <c>smoke-dial</c>: a family with a dial from perfectly rotation-symmetric (0) to strongly broken
/// (1), after the paper's equivariance-test data. Upward plumes from P inflow positions are
/// simulated with buoyancy b0 (1 + 1.5 dial g) and stored rotated by g quarter turns, g = 0..3.
/// At dial 0 the four orientations are exact rotations of one another (data-level error 0); at
/// dial 1 the buoyancies are 1, 2.5, 4 and 5.5 times b0.
/// </summary>
internal static class SmokeDialSet
{
    public const string Name = "smoke-dial";
    public const int DefaultSimulations = 12;

    /// <summary>Base buoyancy on the paper's grid, scaled by grid / 64.</summary>
    private const double BaseBuoyancy = 0.02;

    public static FlowDataset Generate(FlowGenerationOptions options, int seed, CancellationToken cancellation, Action<int, int>? onSimulation)
    {
        int sims = options.Simulations ?? DefaultSimulations;
        if (sims % 4 != 0)
            throw new InvalidInputException($"smoke-dial needs a multiple of 4 simulations (four orientations per inflow position), not {sims}.", "simulations");
        int n = options.Grid;
        double scale = n / 64.0;
        int positions = sims / 4;
        var setups = new List<SmokeSetup>();
        var notes = new List<string>();
        for (int g = 0; g < 4; g++)
        for (int p = 0; p < positions; p++)
        {
            double x = n / 2.0 + (p - (positions - 1) / 2.0) * 8 * scale;
            double buoyancy = BaseBuoyancy * scale * (1 + 1.5 * options.Dial * g);
            setups.Add(SmokeSetup.Uniform(n, [new GridPoint(x, 5 * scale)], Math.Max(1.5, 5 * scale), 0, buoyancy, velocityDt: 0.5));
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"inflow at ({x:0.#}, {5 * scale:0.#}), buoyancy {buoyancy:0.####}, stored rotated by {90 * g} degrees"));
        }
        var (data, stats) = SmokeSimulationRunner.Run(setups, options, cancellation, onSimulation);
        // Orientation g of every position is stored rotated by g quarter turns.
        for (int g = 1; g < 4; g++)
        for (int p = 0; p < positions; p++)
        {
            var block = data.Simulation(g * positions + p);
            VectorFieldRotation.RotateFrames(block, n, g).CopyTo(block);
        }
        var orbits = Enumerable.Range(0, positions).Select(p => Enumerable.Range(0, 4).Select(g => g * positions + p).ToArray()).ToArray();
        var equivariance = DataEquivarianceMeter.Rotation(data, orbits,
            "orientation g rotated back by -g quarter turns against orientation 0 of the same inflow position");
        return new FlowDataset(Name, data, FlowSplitPlan.Random(sims, seed), equivariance, notes, stats);
    }
}
