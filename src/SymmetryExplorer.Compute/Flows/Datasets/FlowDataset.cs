using SymmetryExplorer.Compute.Flows.Simulation;

namespace SymmetryExplorer.Compute.Flows.Datasets;

/// <summary>
/// A flow data set ready to train on: the velocity fields, which simulations are held out for the
/// Domain test, and, for generated sets, how they were made and how symmetric they are.
/// </summary>
/// <param name="Name">Built-in name or file name.</param>
/// <param name="Data">Velocities (S, T, 2, H, W).</param>
/// <param name="Split">Train / Domain simulations.</param>
/// <param name="Equivariance">Measured data-level equivariance error; null where it cannot be measured (user files).</param>
/// <param name="SimulationNotes">One line per simulation (inflow, force), for people.</param>
/// <param name="Simulator">Worst divergence and solver effort over all simulations; null for files.</param>
public sealed record FlowDataset(
    string Name,
    FlowData Data,
    FlowSplitPlan Split,
    DataEquivariance? Equivariance,
    IReadOnlyList<string> SimulationNotes,
    SimulationStats? Simulator)
{
    /// <summary>A data set from a file: splits drawn by seed, no symmetry measurement.</summary>
    public static FlowDataset FromFile(string name, FlowData data, int seed) =>
        new(name, data, FlowSplitPlan.Random(data.Simulations, seed), null,
            Enumerable.Range(0, data.Simulations).Select(s => $"simulation {s} from the file").ToArray(), null);
}
