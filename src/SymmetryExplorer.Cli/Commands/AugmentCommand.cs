using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SymmetryExplorer.Compute;
using SymmetryExplorer.Compute.Algebra;
using SymmetryExplorer.Compute.Data.BuiltIn;
using SymmetryExplorer.Compute.Data.Trajectories;
using SymmetryExplorer.Compute.Jobs;
using SymmetryExplorer.Compute.LieGan;
using SymmetryExplorer.Compute.Runtime;

namespace SymmetryExplorer.Cli.Commands;

/// <summary>
/// <c>symx augment</c>: the paper's downstream experiment: test MSE of a 2-body predictor trained with
/// no symmetry, with the discovered generator (from a discover result.json) and with the ground truth.
/// </summary>
public static class AugmentCommand
{
    public static Command Create(TextWriter output)
    {
        var generator = new Option<string>("--generator") { Description = "result.json written by symx discover.", Required = true };
        var dataset = new Option<string>("--dataset") { Description = "two-body (built-in, train and test splits) or a train .npy/.npz/.csv/.h5 file with --test.", DefaultValueFactory = _ => "two-body" };
        var testFile = new Option<string?>("--test") { Description = "Test file when --dataset is a file (e.g. shared/data/liegan-2body/test_coords.npy)." };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs per model (paper: 2000).", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "Seed for the models and augmentation.", DefaultValueFactory = _ => 1 };
        var dataSeed = new Option<int>("--data-seed") { Description = "Seed for generating the built-in data.", DefaultValueFactory = _ => 0 };
        var outDir = new Option<string>("--out") { Description = "Folder for augment.json.", DefaultValueFactory = _ => "augment-out" };
        var sigma = new Option<double>("--sigma") { Description = "Standard deviation of the coefficients z for every symmetry row (the reference notebook's 3).", DefaultValueFactory = _ => new AugmentationConfig().Sigma };
        var normalize = new Option<bool>("--normalize") { Description = "Rescale each generator to unit RMS size, L / sqrt(tr(L^T L) / n) (the reference's normalize_L; leaves the ground truth unchanged): LieGAN fixes a direction, not a scale." };
        var rows = new Option<string>("--rows") { Description = "Which models to train: any of none, discovered, ground-truth (comma-separated).", DefaultValueFactory = _ => "none,discovered,ground-truth" };
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        var command = new Command("augment", "Train a 5-in/5-out 2-body predictor with no symmetry, the discovered one and the ground truth; print test MSEs.")
        {
            generator, dataset, testFile, epochs, seed, dataSeed, outDir, sigma, normalize, rows, device, threads,
        };
        command.SetAction(parse =>
        {
            var (_, computeDevice) = EngineSetup.Initialize(parse.GetValue(device), parse.GetValue(threads));
            var config = new AugmentationConfig { Epochs = parse.GetValue(epochs), Sigma = parse.GetValue(sigma) }.Validate();
            var wanted = parse.GetValue(rows)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var unknown = wanted.Except(["none", "discovered", "ground-truth"]).ToList();
            if (unknown.Count > 0 || wanted.Length == 0)
                throw new InvalidInputException($"--rows takes none, discovered and ground-truth, not '{string.Join(",", unknown)}'.", "rows");
            var (discovered, trainingSigma) = ReadGenerators(parse.GetValue(generator)!);
            var learnedSizes = discovered.Select(RmsSize).ToArray();
            var layout = TrajectoryLayout.TwoBody(config.FramesIn, config.FramesOut);
            var (train, test) = LoadSplits(parse.GetValue(dataset)!, parse.GetValue(testFile), layout, parse.GetValue(dataSeed));
            if (discovered[0].GetLength(0) != train.Dimension)
                throw new InvalidInputException($"the generator is {discovered[0].GetLength(0)} x {discovered[0].GetLength(0)} but the data have {train.Dimension} features.", "generator");
            var groundTruth = ReferenceAlgebras.So2Blocks(train.Dimension, layout.VectorGroups).Generators;
            if (parse.GetValue(normalize))
            {
                discovered = discovered.Select(UnitRms).ToList();
                groundTruth = groundTruth.Select(UnitRms).ToList();
            }
            AugmentationSymmetry[] symmetries =
            [
                .. wanted.Contains("none") ? [new AugmentationSymmetry("none", null, 0)] : Array.Empty<AugmentationSymmetry>(),
                .. wanted.Contains("discovered") ? [new AugmentationSymmetry("discovered", discovered, config.Sigma)] : Array.Empty<AugmentationSymmetry>(),
                .. wanted.Contains("ground-truth") ? [new AugmentationSymmetry("ground truth", groundTruth, config.Sigma)] : Array.Empty<AugmentationSymmetry>(),
            ];
            // The spread of rotation angles the augmentation applies is sigma times the generator's size.
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"discovered generator: RMS size {string.Join(", ", learnedSizes.Select(v => v.ToString("0.000", CultureInfo.InvariantCulture)))}{(parse.GetValue(normalize) ? " (normalised to 1)" : "")}; z ~ N(0, {config.Sigma:0.###}^2)"));
            var results = DedicatedThread.Run("augment", () => AugmentationExperiment.Run(train, test, symmetries, config, parse.GetValue(seed), computeDevice,
                (name, epoch, loss) =>
                {
                    if (epoch % Math.Max(1, config.Epochs / 10) == 0 || epoch == config.Epochs)
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: epoch {epoch}/{config.Epochs} train loss {loss:0.000e+0}"));
                })).GetAwaiter().GetResult();

            output.WriteLine();
            output.WriteLine($"{"symmetry",-14} {"test MSE",12} {"train MSE",12} {"seconds",8}");
            foreach (var r in results)
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Name,-14} {r.TestMse,12:0.000e+0} {r.TrainMse,12:0.000e+0} {r.Seconds,8:0.0}"));
            var none = results.FirstOrDefault(r => r.Name == "none");
            var found = results.FirstOrDefault(r => r.Name == "discovered");
            double? ratio = none is not null && found is not null ? none.TestMse / found.TestMse : null;
            if (ratio is { } rr) output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"no-symmetry / discovered test MSE: {rr:0.0}x"));

            string dir = Path.GetFullPath(parse.GetValue(outDir)!);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "augment.json"), JsonSerializer.Serialize(new
            {
                generator = Path.GetFullPath(parse.GetValue(generator)!),
                dataset = parse.GetValue(dataset),
                sigma = config.Sigma,
                training_sigma = trainingSigma,
                discovered_rms_size = learnedSizes,
                config,
                normalized = parse.GetValue(normalize),
                rows = results,
                ratio_none_to_discovered = ratio,
            }, CliJson.Options));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>sqrt(tr(L^T L) / n): 1 for so(2) blocks J on every 2-vector; the rotation per unit z of a block-rotation generator.</summary>
    internal static double RmsSize(double[,] L) => DenseMatrix.Norm(L) / Math.Sqrt(L.GetLength(0));

    /// <summary>L / sqrt(tr(L^T L) / n): entries of unit root-mean-square eigen-size (so(2) blocks J keep their size).</summary>
    internal static double[,] UnitRms(double[,] L)
    {
        double rms = RmsSize(L);
        return rms > 0 ? DenseMatrix.Scale(L, 1 / rms) : L;
    }

    /// <summary>Generators and the sigma they were trained with, from a discover result.json.</summary>
    internal static (IReadOnlyList<double[,]> Generators, double Sigma) ReadGenerators(string path)
    {
        if (!File.Exists(path)) throw new InvalidInputException($"generator file not found: {path}", "generator");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            if (!root.TryGetProperty("generators", out var gens) || gens.ValueKind != JsonValueKind.Array || gens.GetArrayLength() == 0)
                throw new InvalidInputException($"{Path.GetFileName(path)} has no 'generators' array; pass the result.json written by symx discover.", "generator");
            var list = gens.EnumerateArray()
                .Select(g => DenseMatrix.FromJagged(g.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray()))
                .ToList();
            if (list.Any(m => m.GetLength(0) != m.GetLength(1) || m.GetLength(0) == 0))
                throw new InvalidInputException($"{Path.GetFileName(path)}: generators must be square matrices.", "generator");
            double sigma = root.TryGetProperty("config", out var cfg) && cfg.TryGetProperty("sigma", out var s) ? s.GetDouble() : 1.0;
            return (list, sigma);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidInputException($"{Path.GetFileName(path)} is not a valid result.json ({ex.Message}).", "generator", ex);
        }
    }

    private static (SymmetryDataset Train, SymmetryDataset Test) LoadSplits(string dataset, string? testPath, TrajectoryLayout layout, int dataSeed)
    {
        if (dataset == "two-body")
        {
            var generated = BuiltInTrajectoryDatasets.Generate("two-body", dataSeed);
            return (TrajectoryWindows.Build("two-body", generated.Train.Values, layout),
                    TrajectoryWindows.Build("two-body-test", generated.Test!.Values, layout));
        }
        if (BuiltInTrajectoryDatasets.Exists(dataset))
            throw new InvalidInputException($"the augmentation experiment runs on two-body data, not {dataset}.", "dataset");
        if (testPath is null)
            throw new InvalidInputException("a file data set needs --test with the held-out trajectories.", "test");
        return (TrajectoryFiles.Load(dataset, layout), TrajectoryFiles.Load(testPath, layout));
    }
}
