using System.Globalization;
using SymmetryExplorer.Compute.Flows.Simulation;

namespace SymmetryExplorer.Compute.Flows.Datasets;

/// <summary>
/// <c>smoke-rotation</c>: plumes entering from the four sides (bottom, right, top, left), each
/// pushed away from its wall by a force k x direction. The four sides are exact quarter turns of one
/// another except for the force strength, broken two ways as in the paper's generator: simulation
/// (level i, side j) has k = 4i + j + 1, so within every level the later sides are slightly
/// stronger, and the top inflow's force is 1.1 times the others' at the same k (the reference
/// generator's 0.011 against 0.01): a fixed, direction-dependent break a relaxed model can learn.
/// Velocity time step 1.
/// </summary>
internal static class SmokeRotationSet
{
    public const string Name = "smoke-rotation";
    public const int DefaultSimulations = 36;

    /// <summary>Force per unit smoke for k = 1 on the paper's grid; scaled by grid / 64 and 36 / S.</summary>
    private const double ForceStep = 0.025;

    /// <summary>The top side's force relative to the others'.</summary>
    public const double TopSideFactor = 1.1;

    public static FlowDataset Generate(FlowGenerationOptions options, int seed, CancellationToken cancellation, Action<int, int>? onSimulation)
    {
        int sims = options.Simulations ?? DefaultSimulations;
        if (sims % 4 != 0)
            throw new InvalidInputException($"smoke-rotation needs a multiple of 4 simulations (one per side and force level), not {sims}.", "simulations");
        int n = options.Grid;
        double scale = n / 64.0;
        int levels = sims / 4;
        var setups = new List<SmokeSetup>();
        var notes = new List<string>();
        for (int level = 0; level < levels; level++)
        for (int side = 0; side < 4; side++)
        {
            int k = 4 * level + side + 1;
            double force = ForceStep * scale * k * DefaultSimulations / sims * (side == 2 ? TopSideFactor : 1);
            // Side 0: inflow near the bottom wall pushing up; the other sides are its quarter turns.
            var setup = SmokeSetup.Uniform(n, [new GridPoint(n / 2.0, 5 * scale)], Math.Max(1.5, 5 * scale), 0, force, velocityDt: 1.0);
            for (int turn = 0; turn < side; turn++) setup = setup.Rotated90();
            setups.Add(setup);
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{SideName(side)} inflow at ({setup.Inflows[0].X:0.#}, {setup.Inflows[0].Y:0.#}), force {force:0.###} pushing {Direction(side)} (k = {k})"));
        }
        var (data, stats) = SmokeSimulationRunner.Run(setups, options, cancellation, onSimulation);
        var orbits = Enumerable.Range(0, levels).Select(l => Enumerable.Range(0, 4).Select(j => 4 * l + j).ToArray()).ToArray();
        var equivariance = DataEquivarianceMeter.Rotation(data, orbits,
            "side j rotated back by -j quarter turns against the bottom-inflow simulation of the same force level");
        return new FlowDataset(Name, data, FlowSplitPlan.Random(sims, seed), equivariance, notes, stats);
    }

    private static string SideName(int side) => side switch { 0 => "bottom", 1 => "right", 2 => "top", _ => "left" };
    private static string Direction(int side) => side switch { 0 => "up", 1 => "left", 2 => "down", _ => "right" };
}
