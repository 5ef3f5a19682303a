namespace SymmetryExplorer.Compute.Flows.Datasets;

/// <summary>One training or test example: a window of a simulation starting at a frame.</summary>
public readonly record struct FlowWindow(int Simulation, int Start);

/// <summary>
/// Which simulations train and which are held out for the Domain test, and the paper's time split
/// of window start frames, as fractions of a 300-frame simulation: train 0-160, validation 160-200,
/// Future test 200-250 (all on training simulations), Domain test 0-100 on held-out simulations.
/// </summary>
public sealed record FlowSplitPlan(IReadOnlyList<int> TrainSimulations, IReadOnlyList<int> DomainSimulations)
{
    public const double TrainEnd = 160.0 / 300, ValidEnd = 200.0 / 300, FutureEnd = 250.0 / 300, DomainEnd = 100.0 / 300;

    /// <summary>
    /// Holds out about 30% of the simulations (at least one, leaving at least one to train on),
    /// chosen by a seeded shuffle. A single simulation has no Domain split.
    /// </summary>
    public static FlowSplitPlan Random(int simulations, int seed, double heldOut = 0.3)
    {
        if (simulations < 1) throw new ArgumentOutOfRangeException(nameof(simulations));
        if (simulations == 1) return new FlowSplitPlan([0], []);
        var order = Enumerable.Range(0, simulations).ToArray();
        new Random(seed).Shuffle(order);
        int domain = Math.Clamp((int)Math.Round(simulations * heldOut), 1, simulations - 1);
        return new FlowSplitPlan(order[domain..].Order().ToArray(), order[..domain].Order().ToArray());
    }

    public IReadOnlyList<FlowWindow> TrainWindows(int frames, int windowLength, int stride = 1) =>
        Windows(TrainSimulations, frames, 0, TrainEnd, windowLength, stride);

    public IReadOnlyList<FlowWindow> ValidWindows(int frames, int windowLength, int stride = 1) =>
        Windows(TrainSimulations, frames, TrainEnd, ValidEnd, windowLength, stride);

    public IReadOnlyList<FlowWindow> FutureWindows(int frames, int windowLength, int stride = 1) =>
        Windows(TrainSimulations, frames, ValidEnd, FutureEnd, windowLength, stride);

    public IReadOnlyList<FlowWindow> DomainWindows(int frames, int windowLength, int stride = 1) =>
        Windows(DomainSimulations, frames, 0, DomainEnd, windowLength, stride);

    /// <summary>Windows whose start lies in [from, to) x frames and that end inside the simulation.</summary>
    private static IReadOnlyList<FlowWindow> Windows(IReadOnlyList<int> sims, int frames, double from, double to, int length, int stride)
    {
        if (stride < 1) throw new ArgumentOutOfRangeException(nameof(stride));
        int first = (int)Math.Ceiling(from * frames - 1e-9);
        int last = Math.Min((int)Math.Ceiling(to * frames - 1e-9) - 1, frames - length);
        var windows = new List<FlowWindow>();
        foreach (int s in sims)
            for (int start = first; start <= last; start += stride)
                windows.Add(new FlowWindow(s, start));
        return windows;
    }
}
