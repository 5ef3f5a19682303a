using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SymmetryExplorer.Compute;
using SymmetryExplorer.Compute.Jobs;
using SymmetryExplorer.Compute.Relaxed;
using SymmetryExplorer.Compute.Runtime;

namespace SymmetryExplorer.Cli.Commands;

/// <summary>
/// <c>symx bench relaxed</c>: forward + backward time per batch of every relaxed-equivariance model
/// at the paper's size against an equally sized ConvNet, and the smoke simulator's frames per second.
/// </summary>
public static class BenchRelaxedCommand
{
    public static Command Create(TextWriter output)
    {
        var grid = new Option<int>("--grid") { Description = "Grid side (the paper: 64).", DefaultValueFactory = _ => 64 };
        var hidden = new Option<int>("--hidden") { Description = "Hidden channels of the reference ConvNet; the other models are matched to its parameter count.", DefaultValueFactory = _ => 128 };
        var batch = new Option<int>("--batch-size") { Description = "Batch size.", DefaultValueFactory = _ => 16 };
        var frames = new Option<int>("--input-frames") { Description = "Input frames (2 channels each).", DefaultValueFactory = _ => 10 };
        var repeats = new Option<int>("--repeats") { Description = "Timed batches per model (after one warm-up).", DefaultValueFactory = _ => 3 };
        var models = new Option<string>("--models") { Description = "Comma-separated models to time.", DefaultValueFactory = _ => string.Join(",", RelaxedModelKinds.Names) };
        var simFrames = new Option<int>("--sim-frames") { Description = "Frames of the simulator timing run.", DefaultValueFactory = _ => 300 };
        var threads = CommonOptions.Threads();
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("relaxed", "Time relaxed-equivariant networks (forward + backward per batch) against an equal-size ConvNet, and the smoke simulator.")
        {
            grid, hidden, batch, frames, repeats, models, simFrames, threads, json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            TorchRuntime.Initialize(new ComputeOptions { Device = "cpu", Threads = parse.GetValue(threads) });
            var names = (parse.GetValue(models) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (string n in names) RelaxedModelKinds.Parse(n);
            if (names.Length == 0) throw new InvalidInputException("--models lists no models.", "models");
            var options = new RelaxedBenchmarkOptions
            {
                Grid = Positive(parse.GetValue(grid), "grid"),
                ConvHidden = Positive(parse.GetValue(hidden), "hidden"),
                BatchSize = Positive(parse.GetValue(batch), "batch_size"),
                InputFrames = Positive(parse.GetValue(frames), "input_frames"),
                Repeats = Positive(parse.GetValue(repeats), "repeats"),
                Models = names,
                SimulatorGrid = Math.Max(8, parse.GetValue(grid)),
                SimulatorFrames = Positive(parse.GetValue(simFrames), "sim_frames"),
            };
            bool asJson = parse.GetValue(json);
            Action<string>? log = asJson ? null : line => { output.WriteLine("  " + line); output.Flush(); };
            var report = await DedicatedThread.Run("symx-bench-relaxed", () => RelaxedBenchmark.Run(options, log, cancellation));
            if (asJson)
            {
                output.WriteLine(JsonSerializer.Serialize(report, CliJson.Options));
                return ExitCodes.Success;
            }
            var ci = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(ci,
                $"relaxed-network benchmark: {options.Grid} x {options.Grid}, {options.InputFrames} input frames, batch {options.BatchSize}, " +
                $"{report.TorchThreads} torch threads, load average {report.LoadAverageBefore:0.0} -> {report.LoadAverageAfter:0.0}"));
            output.WriteLine($"{"model",-8} {"hidden",6} {"params",10} {"fwd+bwd ms (median)",20} {"min-max",15} {"x conv",7} {"EE at init",11}");
            foreach (var m in report.Models)
            {
                output.WriteLine(string.Create(ci,
                    $"{m.Model,-8} {m.Hidden,6} {m.Parameters,10:N0} {m.MedianMs,20:0} {$"{m.MinMs:0}-{m.MaxMs:0}",15} {(m.RelativeToConv is { } r ? r.ToString("0.00", ci) : "-"),7} {m.EquivarianceErrorAtInit.Values.Max(),11:0.0E+0}"));
            }
            var s = report.Simulator;
            output.WriteLine(string.Create(ci,
                $"simulator: {s.FramesPerSecond:0} frames/s ({s.Grid} x {s.Grid}, {s.Frames} frames, {s.MeanSolverIterations:0.0} PCG iterations per step, max relative divergence {s.MaxRelativeDivergence:0.0E+0})"));
            output.WriteLine("EE at init: max over 90/180/270 degrees of mean |f(g x) - g f(x)| / mean |f(x)| for random inputs and freshly initialised weights.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static int Positive(int value, string field) =>
        value > 0 ? value : throw new InvalidInputException($"{field} must be positive, not {value}.", field);
}
