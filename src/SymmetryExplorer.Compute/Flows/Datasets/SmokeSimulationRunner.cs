using SymmetryExplorer.Compute.Flows.Simulation;

namespace SymmetryExplorer.Compute.Flows.Datasets;

/// <summary>Runs a list of set-ups one after another and stacks their frames (deterministic, single-threaded).</summary>
internal static class SmokeSimulationRunner
{
    public static (FlowData Data, SimulationStats Stats) Run(IReadOnlyList<SmokeSetup> setups, FlowGenerationOptions options,
                                                             CancellationToken cancellation, Action<int, int>? onSimulation)
    {
        var runs = new List<float[]>(setups.Count);
        var stats = new List<SimulationStats>(setups.Count);
        for (int i = 0; i < setups.Count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var sim = new SmokeSimulator(setups[i]);
            runs.Add(sim.Run(options.Frames, options.Layout, cancellation));
            stats.Add(sim.Stats);
            onSimulation?.Invoke(i + 1, setups.Count);
        }
        var worst = new SimulationStats(
            stats.Sum(s => s.Steps),
            stats.Max(s => s.MaxDivergenceAfterProjection),
            stats.Max(s => s.MaxRelativeDivergence),
            stats.Average(s => s.MeanSolverIterations),
            stats.Max(s => s.MaxSpeed));
        return (FlowData.Stack(runs, options.Frames, options.Grid, options.Grid), worst);
    }
}
