using SymmetryExplorer.Compute.Runtime;
using System.Diagnostics;
using SymmetryExplorer.Compute.Flows.Simulation;
using SymmetryExplorer.Compute.Relaxed.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Relaxed;

/// <summary>What <c>symx bench relaxed</c> measures.</summary>
public sealed record RelaxedBenchmarkOptions
{
    public int Grid { get; init; } = 64;
    /// <summary>Hidden channels of the reference ConvNet; the other models get the width that matches its parameter count.</summary>
    public int ConvHidden { get; init; } = 128;
    public int BatchSize { get; init; } = 16;
    public int InputFrames { get; init; } = 10;
    public int Layers { get; init; } = 5;
    public int Repeats { get; init; } = 3;
    public int Warmup { get; init; } = 1;
    public IReadOnlyList<string> Models { get; init; } = RelaxedModelKinds.Names;
    public int SimulatorGrid { get; init; } = 64;
    public int SimulatorFrames { get; init; } = 300;
}

/// <param name="Model">Model name.</param>
/// <param name="Hidden">Hidden width used.</param>
/// <param name="Parameters">Trainable parameters.</param>
/// <param name="MedianMs">Median forward + backward time of one batch (one prediction step), milliseconds.</param>
/// <param name="MinMs">Fastest repeat.</param>
/// <param name="MaxMs">Slowest repeat.</param>
/// <param name="RelativeToConv">Median time over the ConvNet's median time.</param>
/// <param name="EquivarianceErrorAtInit">Relative equivariance error per quarter turn of the freshly initialised model
/// (random weights, relaxed weights tied) on the random benchmark batch: ~1e-7 for the equivariant models, O(1) for the others.</param>
public sealed record ModelTiming(string Model, int Hidden, long Parameters, double MedianMs, double MinMs, double MaxMs, double? RelativeToConv,
                                 IReadOnlyDictionary<string, double> EquivarianceErrorAtInit);

/// <param name="Grid">Simulator grid.</param>
/// <param name="Frames">Frames simulated.</param>
/// <param name="FramesPerSecond">Frames per second of one single-threaded simulation.</param>
/// <param name="MaxRelativeDivergence">Worst ratio of divergence after to before projection.</param>
/// <param name="MeanSolverIterations">Mean PCG iterations per step.</param>
public sealed record SimulatorTiming(int Grid, int Frames, double FramesPerSecond, double MaxRelativeDivergence, double MeanSolverIterations);

public sealed record RelaxedBenchmarkReport(
    RelaxedBenchmarkOptions Options,
    IReadOnlyList<ModelTiming> Models,
    SimulatorTiming Simulator,
    int TorchThreads,
    double LoadAverageBefore,
    double LoadAverageAfter);

/// <summary>
/// Times one forward + backward pass (a single prediction step, MSE plus the relaxation penalty)
/// per batch for each model at equal parameter count, and the smoke simulator's frames per second.
/// CPU timings on shared machines are noisy: the report carries the load average before and after.
/// </summary>
public static class RelaxedBenchmark
{
    public static RelaxedBenchmarkReport Run(RelaxedBenchmarkOptions options, Action<string>? log = null, CancellationToken cancellation = default)
    {
        double loadBefore = LoadAverage();
        var reference = new RelaxedConfig { Model = "conv", Hidden = options.ConvHidden, InputFrames = options.InputFrames, Layers = options.Layers };
        long budget = RelaxedNetworks.ParameterCount(reference, options.Grid, options.Grid);
        var timings = new List<ModelTiming>();
        double? convMedian = null;
        foreach (string name in options.Models)
        {
            cancellation.ThrowIfCancellationRequested();
            var config = RelaxedPresets.For(name) with { InputFrames = options.InputFrames, Layers = options.Layers };
            config = config with
            {
                Hidden = name == "conv" ? options.ConvHidden : RelaxedPresets.HiddenForBudget(config, budget, options.Grid, options.Grid),
            };
            var (parameters, times, equivariance) = TimeModel(config, options, cancellation);
            double median = Median(times);
            if (name == "conv") convMedian = median;
            var timing = new ModelTiming(name, config.Hidden, parameters, median, times.Min(), times.Max(), null, equivariance);
            timings.Add(timing);
            log?.Invoke($"{name}: hidden {config.Hidden}, {parameters:N0} parameters, {median:0} ms per batch");
        }
        if (convMedian is { } c) timings = timings.Select(t => t with { RelativeToConv = t.MedianMs / c }).ToList();
        var simulator = TimeSimulator(options.SimulatorGrid, options.SimulatorFrames, cancellation);
        log?.Invoke($"simulator: {simulator.FramesPerSecond:0} frames/s on {simulator.Grid} x {simulator.Grid}");
        return new RelaxedBenchmarkReport(options, timings, simulator, get_num_threads(), loadBefore, LoadAverage());
    }

    private static (long Parameters, List<double> Times, IReadOnlyDictionary<string, double> Equivariance) TimeModel(
        RelaxedConfig config, RelaxedBenchmarkOptions options, CancellationToken cancellation)
    {
        manual_seed(0);
        using var model = RelaxedNetworks.Create(config, options.Grid, options.Grid);
        model.eval();
        IReadOnlyDictionary<string, double> equivariance;
        using (var probe = randn(2, 2 * options.InputFrames, options.Grid, options.Grid))
            equivariance = Metrics.EquivarianceError.Measure(model.forward, probe).Relative;
        model.train();
        using var optimizer = new Optim.AdamOptimizer(model.parameters(), 0.9, 0.999);
        using var input = randn(options.BatchSize, 2 * options.InputFrames, options.Grid, options.Grid);
        using var target = randn(options.BatchSize, 2, options.Grid, options.Grid);
        var times = new List<double>();
        for (int i = 0; i < options.Warmup + options.Repeats; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var sw = Stopwatch.StartNew();
            using (var scope = NewDisposeScope())
            {
                optimizer.ZeroGrad();
                var loss = (model.forward(input) - target).square().mean().Plus(model.Penalty(config.Alpha));
                loss.backward();
            }
            sw.Stop();
            if (i >= options.Warmup) times.Add(sw.Elapsed.TotalMilliseconds);
        }
        return (model.ParameterCount(), times, equivariance);
    }

    private static SimulatorTiming TimeSimulator(int grid, int frames, CancellationToken cancellation)
    {
        double scale = grid / 64.0;
        var setup = SmokeSetup.Uniform(grid, [new GridPoint(grid / 2.0, 5 * scale)], Math.Max(1.5, 5 * scale), 0, 0.5 * scale, velocityDt: 1.0);
        var sim = new SmokeSimulator(setup);
        var sw = Stopwatch.StartNew();
        sim.Run(frames, FrameLayout.CellCentred, cancellation);
        sw.Stop();
        return new SimulatorTiming(grid, frames, frames / sw.Elapsed.TotalSeconds, sim.Stats.MaxRelativeDivergence, sim.Stats.MeanSolverIterations);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>One-minute load average (Linux), NaN elsewhere.</summary>
    public static double LoadAverage()
    {
        try
        {
            string text = File.ReadAllText("/proc/loadavg");
            return double.Parse(text.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return double.NaN;
        }
    }
}
