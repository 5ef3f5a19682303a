using System.Globalization;
using SymmetryExplorer.Compute.Flows.Simulation;

namespace SymmetryExplorer.Compute.Flows.Datasets;

/// <summary>
/// <c>smoke-translation</c>: single plumes from inflows on a grid of positions, with buoyancy 0.1 in
/// the left half of the box and 0.2 in the right half (scaled by grid / 64), so that moving a plume
/// sideways changes its dynamics. Velocity time step 0.5.
/// </summary>
internal static class SmokeTranslationSet
{
    public const string Name = "smoke-translation";
    public const int DefaultSimulations = 35;

    public static FlowDataset Generate(FlowGenerationOptions options, int seed, CancellationToken cancellation, Action<int, int>? onSimulation)
    {
        int sims = options.Simulations ?? DefaultSimulations;
        if (sims > DefaultSimulations)
            throw new InvalidInputException($"smoke-translation has {DefaultSimulations} inflow positions; ask for at most that many simulations, not {sims}.", "simulations");
        int n = options.Grid;
        double scale = n / 64.0;
        // The paper's 7 x 5 positions: x = 8, 16, ..., 56 and y = 5, 10, ..., 25 on a 64 grid.
        var all = (from i in Enumerable.Range(1, 7) from j in Enumerable.Range(1, 5) select (Col: i, Row: j)).ToArray();
        var chosen = Enumerable.Range(0, sims)
            .Select(k => all[sims == 1 ? 0 : (int)Math.Round(k * (all.Length - 1.0) / (sims - 1))]).ToArray();
        var setups = new List<SmokeSetup>();
        var notes = new List<string>();
        foreach (var (col, row) in chosen)
        {
            var centre = new GridPoint(8 * col * scale, 5 * row * scale);
            setups.Add(SmokeSetup.SplitBuoyancy(n, [centre], Math.Max(1.5, 5 * scale), 0.1 * scale, 0.2 * scale, velocityDt: 0.5));
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"inflow at ({centre.X:0.#}, {centre.Y:0.#}), buoyancy {0.1 * scale:0.###} left / {0.2 * scale:0.###} right"));
        }
        var (data, stats) = SmokeSimulationRunner.Run(setups, options, cancellation, onSimulation);
        // Every pair of plumes at the same height: the left one shifted right onto the other.
        int lattice = 8 * n / 64;
        var pairs = new List<(int, int, int)>();
        for (int a = 0; a < chosen.Length; a++)
        for (int b = 0; b < chosen.Length; b++)
            if (chosen[b].Row == chosen[a].Row && chosen[b].Col > chosen[a].Col) pairs.Add((a, b, (chosen[b].Col - chosen[a].Col) * lattice));
        var equivariance = pairs.Count > 0
            ? DataEquivarianceMeter.Translation(data, pairs, "plumes at the same height, the left one shifted right by the distance between their inflows")
            : null;
        return new FlowDataset(Name, data, FlowSplitPlan.Random(sims, seed), equivariance, notes, stats);
    }
}
