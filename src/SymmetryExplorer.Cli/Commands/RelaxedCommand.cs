using System.CommandLine;
using System.Text.Json;
using SymmetryExplorer.Cli.Progress;
using SymmetryExplorer.Compute;
using SymmetryExplorer.Compute.Jobs;
using SymmetryExplorer.Compute.Relaxed;
using SymmetryExplorer.Compute.Relaxed.Training;
using SymmetryExplorer.Compute.Runtime;

namespace SymmetryExplorer.Cli.Commands;

/// <summary>
/// <c>symx relaxed --dataset &lt;builtin | path&gt; --model &lt;conv|gconv|rgroup|steer|rsteer|rtrans&gt;</c>:
/// trains one relaxed-equivariance model, shows per-epoch progress, writes DIR/result.json and
/// prints one summary line.
/// </summary>
public static class RelaxedCommand
{
    public static Command Create(TextWriter output)
    {
        var data = new RelaxedDataOptions();
        var model = new Option<string>("--model") { Description = "conv, gconv, rgroup, steer, rsteer or rtrans.", Required = true };
        var epochs = new Option<int?>("--epochs") { Description = "Most epochs (preset: 30)." };
        var seed = new Option<int>("--seed") { Description = "Seed for weights, window order and the Domain split.", DefaultValueFactory = _ => 0 };
        var outDir = new Option<string?>("--out") { Description = "Output folder for result.json and checkpoints (default ./relaxed-<model>-<dataset>-seed<N>)." };
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        var hidden = new Option<int?>("--hidden") { Description = "Hidden channels (conv, rtrans) or regular fields (group models)." };
        var parameters = new Option<long?>("--params") { Description = "Choose --hidden so the model has about this many parameters (for equal-size comparisons)." };
        var layers = new Option<int?>("--layers") { Description = "Convolution layers (preset: 5)." };
        var banks = new Option<int?>("--banks") { Description = "Filter banks L of rgroup / rtrans, coefficient banks mixed per tap of rsteer (>= kernel^2: one coefficient per tap, the paper's form; preset: 2, rsteer 1)." };
        var alpha = new Option<double?>("--alpha") { Description = "Weight of the relaxation penalty." };
        var lr = new Option<double?>("--lr") { Description = "Adam learning rate (preset: 1e-3)." };
        var relaxedLr = new Option<double?>("--relaxed-lr-factor") { Description = "Factor on the learning rate of the relaxed weights only (preset: 1, the paper)." };
        var batch = new Option<int?>("--batch-size") { Description = "Batch size (preset: 16)." };
        var patience = new Option<int?>("--patience") { Description = "Early-stopping patience in epochs (0: off)." };
        var inputFrames = new Option<int?>("--input-frames") { Description = "Past frames stacked as input (preset: 10)." };
        var rolloutTrain = new Option<int?>("--rollout-train") { Description = "Rollout steps in the training loss (preset: 6)." };
        var rolloutTest = new Option<int?>("--rollout-test") { Description = "Rollout steps of the Future / Domain tests (preset: 20)." };
        var trainWindows = new Option<int?>("--train-windows") { Description = "Training windows drawn per epoch (0: all)." };
        var evalStride = new Option<int?>("--eval-stride") { Description = "Stride between start frames of validation / test windows (preset: 1)." };
        var groupOrder = new Option<int?>("--group-order") { Description = "Rotations n of C_n: 1, 2 or 4 (preset: 4)." };
        var reflections = new Option<bool>("--reflections") { Description = "Use D_n (rotations and mirrors) instead of C_n." };
        var convention = new Option<string?>("--vector-convention")
        {
            Description = "How group models rotate velocity: physical (preset) or published (the published code's wrong 90-degree convention, to measure its cost; C4 group / steerable models only).",
        };
        var resume = new Option<string?>("--resume") { Description = "Continue from a checkpoint folder (or its state.json) written by an earlier run." };
        var json = new Option<bool>("--json") { Description = "Print result.json to standard output instead of the summary line." };
        var dataOnly = new Option<bool>("--data-only") { Description = "Only generate or load the data set (and --save-data it), print what it holds, and stop." };

        var command = new Command("relaxed", "Train a relaxed-equivariant (or baseline) network on smoke-plume flows and test it on Future and Domain splits.")
        {
            model, epochs, seed, outDir, device, threads, hidden, parameters, layers, banks, alpha, lr, relaxedLr, batch, patience,
            inputFrames, rolloutTrain, rolloutTest, trainWindows, evalStride, groupOrder, reflections, convention, resume, json, dataOnly,
        };
        foreach (var option in data.All) command.Options.Add(option);

        command.SetAction(async (parse, cancellation) =>
        {
            TorchRuntime.Initialize(new ComputeOptions { Device = parse.GetValue(device) ?? "auto", Threads = parse.GetValue(threads) });
            var torchDevice = TorchRuntime.DefaultDevice;
            int seedValue = parse.GetValue(seed);
            bool quiet = parse.GetValue(json);
            var log = quiet ? TextWriter.Null : output;

            var config = RelaxedPresets.For(parse.GetValue(model)!);
            config = config with
            {
                Epochs = parse.GetValue(epochs) ?? config.Epochs,
                Layers = parse.GetValue(layers) ?? config.Layers,
                FilterBanks = parse.GetValue(banks) ?? config.FilterBanks,
                Alpha = parse.GetValue(alpha) ?? config.Alpha,
                LearningRate = parse.GetValue(lr) ?? config.LearningRate,
                RelaxedLearningRateFactor = parse.GetValue(relaxedLr) ?? config.RelaxedLearningRateFactor,
                BatchSize = parse.GetValue(batch) ?? config.BatchSize,
                Patience = parse.GetValue(patience) ?? config.Patience,
                InputFrames = parse.GetValue(inputFrames) ?? config.InputFrames,
                RolloutTrain = parse.GetValue(rolloutTrain) ?? config.RolloutTrain,
                RolloutTest = parse.GetValue(rolloutTest) ?? config.RolloutTest,
                TrainWindowsPerEpoch = parse.GetValue(trainWindows) ?? config.TrainWindowsPerEpoch,
                EvalStride = parse.GetValue(evalStride) ?? config.EvalStride,
                GroupOrder = parse.GetValue(groupOrder) ?? config.GroupOrder,
                Reflections = parse.GetValue(reflections),
                VectorConvention = parse.GetValue(convention) ?? config.VectorConvention,
                Hidden = parse.GetValue(hidden) ?? config.Hidden,
            };
            config.Validate();
            if (parse.GetValue(hidden) is not null && parse.GetValue(parameters) is not null)
                throw new InvalidInputException("Give either --hidden or --params, not both.", "hidden");

            var dataset = data.Load(parse, seedValue, parse.GetValue(dataOnly) ? output : log, cancellation);
            if (parse.GetValue(dataOnly))
            {
                output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"velocity RMS {dataset.Data.RootMeanSquare():0.000}; Domain test simulations (seed {seedValue}): {string.Join(", ", dataset.Split.DomainSimulations)}"));
                return ExitCodes.Success;
            }
            if (parse.GetValue(parameters) is { } budget)
                config = config with { Hidden = RelaxedPresets.HiddenForBudget(config, budget, dataset.Data.Height, dataset.Data.Width) };

            var job = new RelaxedJob(config, dataset, seedValue);
            string dir = parse.GetValue(outDir) ?? $"relaxed-{config.Model}-{Path.GetFileNameWithoutExtension(dataset.Name)}-seed{seedValue}";
            Directory.CreateDirectory(dir);
            bool interactive = !quiet && ReferenceEquals(output, Console.Out) && ConsoleProgressSink.StandardOutputIsTerminal;
            var sink = new ConsoleProgressSink(log, interactive, "train_loss", "valid_loss", "ee_mean");
            var context = new JobContext(torchDevice, dir, sink, cancellation, parse.GetValue(resume));

            JobResult result;
            try
            {
                result = await DedicatedThread.Run("symx-relaxed", () => job.Run(context));
            }
            finally
            {
                sink.Complete();
            }
            string resultJson = JsonSerializer.Serialize(result.Document, CliJson.Options);
            await File.WriteAllTextAsync(Path.Combine(dir, "result.json"), resultJson, CancellationToken.None);
            output.WriteLine(quiet ? resultJson : $"{result.Summary} -> {Path.Combine(dir, "result.json")}");
            return ExitCodes.Success;
        });
        return command;
    }
}
