using System.CommandLine;
using System.Text.Json;
using SymmetryExplorer.Cli.Progress;
using SymmetryExplorer.Compute;
using SymmetryExplorer.Compute.Jobs;
using SymmetryExplorer.Compute.LieGan;
using SymmetryExplorer.Compute.Runtime;

namespace SymmetryExplorer.Cli.Commands;

/// <summary><c>symx discover</c>: LieGAN symmetry discovery; writes DIR/result.json and prints one summary line.</summary>
public static class DiscoverCommand
{
    public static Command Create(TextWriter output)
    {
        var dataset = new Option<string>("--dataset") { Description = "Built-in data set (two-body, three-body, discrete-rotation, lorentz) or a file (.npy, .npz, .csv, .h5).", Required = true };
        var preset = new Option<string?>("--preset") { Description = $"Configuration preset: {string.Join(", ", LieGanPresets.Names)} (default: the data set's own, two-body for files)." };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs to train (default: the preset's)." };
        var seed = new Option<int>("--seed") { Description = "Seed for initialisation, shuffling and coefficients.", DefaultValueFactory = _ => 1 };
        var dataSeed = new Option<int>("--data-seed") { Description = "Seed for generating a built-in data set.", DefaultValueFactory = _ => 0 };
        var outDir = new Option<string>("--out") { Description = "Output folder for result.json and checkpoints.", DefaultValueFactory = _ => "liegan-out" };
        var limit = new Option<int>("--limit") { Description = "Use only the first N training pairs (0 = all).", DefaultValueFactory = _ => 0 };
        var resume = new Option<string?>("--resume") { Description = "Continue from a checkpoint file written by an earlier run." };
        var checkpointEvery = new Option<int?>("--checkpoint-every") { Description = "Write a checkpoint every N epochs (0 = never; default 1)." };
        var sigma = new Option<double?>("--sigma") { Description = "Override the coefficient standard deviation." };
        var channels = new Option<int?>("--channels") { Description = "Override the number of generators C." };
        var set = new Option<string[]>("--set") { Description = "Override any configuration field: --set generator_learning_rate=0.01 (snake_case names as in result.json's config).", AllowMultipleArgumentsPerToken = false };
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        var layout = LayoutOptions.Create();

        var command = new Command("discover", "Discover the Lie-group symmetry of a data set with LieGAN; writes DIR/result.json.")
        {
            dataset, preset, epochs, seed, dataSeed, outDir, limit, resume, checkpointEvery, sigma, channels, set, device, threads,
        };
        layout.AddTo(command);
        command.SetAction(parse =>
        {
            var (_, computeDevice) = EngineSetup.Initialize(parse.GetValue(device), parse.GetValue(threads));
            string datasetName = parse.GetValue(dataset)!;
            string presetName = parse.GetValue(preset) ?? LieGanDataSource.DefaultPreset(datasetName);
            var chosen = LieGanPresets.Get(presetName);
            var config = chosen.Config;
            if (parse.GetValue(epochs) is { } e) config = config with { Epochs = e };
            if (parse.GetValue(checkpointEvery) is { } ce) config = config with { CheckpointEvery = ce };
            if (parse.GetValue(sigma) is { } s) config = config with { Sigma = s };
            if (parse.GetValue(channels) is { } c) config = config with { Channels = c };
            if (parse.GetValue(set) is { Length: > 0 } assignments) config = LieGanConfigOverrides.Apply(config, assignments);
            config.Validate();

            var data = LieGanDataSource.Resolve(datasetName, layout.Resolve(parse), parse.GetValue(dataSeed), parse.GetValue(limit));
            string dir = Path.GetFullPath(parse.GetValue(outDir)!);
            Directory.CreateDirectory(dir);
            var job = new LieGanJob(config, data, parse.GetValue(seed), chosen.Name);
            var sink = new ConsoleProgressSink(output, ReferenceEquals(output, Console.Out) && ConsoleProgressSink.StandardOutputIsTerminal,
                "d_real", "d_fake", "g_adv", "cosine_0", "subspace_similarity", "metric_cosine", "rotation_error");
            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, args) => { args.Cancel = true; cancel.Cancel(); };
            Console.CancelKeyPress += onCancel;
            try
            {
                var result = DedicatedThread.Run("liegan", () => job.Run(new JobContext(computeDevice, dir, sink, cancel.Token, parse.GetValue(resume))))
                    .GetAwaiter().GetResult();
                sink.Complete();
                File.WriteAllText(Path.Combine(dir, "result.json"), JsonSerializer.Serialize(result.Document, CliJson.Options));
                output.WriteLine($"{result.Summary} -> {Path.Combine(dir, "result.json")}");
                return ExitCodes.Success;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        });
        return command;
    }
}
