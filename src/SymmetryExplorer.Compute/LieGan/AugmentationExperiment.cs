using SymmetryExplorer.Compute.Algebra;
using SymmetryExplorer.Compute.Data.Trajectories;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.LieGan;

/// <summary>Settings of the downstream experiment (the paper's: 5 frames in, 5 out, hidden 32, 3 hidden layers, Adam 1e-4, batch 512, 2000 epochs).</summary>
public sealed record AugmentationConfig
{
    public int Epochs { get; init; } = 2000;
    public int BatchSize { get; init; } = 512;
    public double LearningRate { get; init; } = 1e-4;
    public int Hidden { get; init; } = 32;
    public int FramesIn { get; init; } = 5;
    public int FramesOut { get; init; } = 5;

    public AugmentationConfig Validate()
    {
        if (Epochs is < 1 or > 100000) throw new InvalidInputException($"epochs must be between 1 and 100000, not {Epochs}.", "epochs");
        if (BatchSize is < 1 or > 65536) throw new InvalidInputException($"batch size must be between 1 and 65536, not {BatchSize}.", "batch_size");
        if (!(LearningRate > 0 && LearningRate <= 1)) throw new InvalidInputException($"learning rate must be in (0, 1], not {LearningRate}.", "learning_rate");
        if (Hidden is < 1 or > 4096) throw new InvalidInputException($"hidden width must be between 1 and 4096, not {Hidden}.", "hidden");
        return this;
    }
}

/// <summary>A symmetry to augment with: generators (null = none) and the coefficient standard deviation.</summary>
public sealed record AugmentationSymmetry(string Name, IReadOnlyList<double[,]>? Generators, double Sigma);

/// <summary>One row of the result table.</summary>
public sealed record AugmentationRow(string Name, double TestMse, double TrainMse, double Seconds);

/// <summary>
/// The paper's downstream use of a discovered symmetry: an MLP predicting the next frames of 2-body
/// trajectories, trained on pairs moved by random group elements g = exp(sum z_i L_i), z ~ N(0, sigma^2)
/// (the same g acting on input and target frames), and evaluated without augmentation on the test
/// split, whose orbits start in the other half-plane. Without the symmetry the model must extrapolate;
/// with it, the test orbits are rotations of training orbits.
/// </summary>
public static class AugmentationExperiment
{
    public static IReadOnlyList<AugmentationRow> Run(
        SymmetryDataset train, SymmetryDataset test, IReadOnlyList<AugmentationSymmetry> symmetries, AugmentationConfig config, int seed,
        Device device, Action<string, int, double>? progress = null, CancellationToken cancellation = default)
    {
        config.Validate();
        if (train.Target != TargetKind.Vector || test.Target != TargetKind.Vector)
            throw new InvalidInputException("the augmentation experiment needs trajectory data with vector targets.", "dataset");
        return symmetries.Select(s => RunOne(train, test, s, config, seed, device, progress, cancellation)).ToList();
    }

    private static AugmentationRow RunOne(SymmetryDataset train, SymmetryDataset test, AugmentationSymmetry symmetry, AugmentationConfig config,
        int seed, Device device, Action<string, int, double>? progress, CancellationToken cancellation)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        int n = train.Dimension;
        int inWidth = train.XSteps * n, outWidth = train.YSteps * n;
        Sequential model;
        lock (typeof(AugmentationExperiment))
        {
            manual_seed(seed);
            model = nn.Sequential(
                nn.Linear(inWidth, config.Hidden), nn.ReLU(),
                nn.Linear(config.Hidden, config.Hidden), nn.ReLU(),
                nn.Linear(config.Hidden, config.Hidden), nn.ReLU(),
                nn.Linear(config.Hidden, outWidth));
        }
        using var _ = model;
        model.to(device);
        using var optimizer = new AdamOptimizer(model.parameters(), 0.9, 0.999);
        using var rng = new torch.Generator((ulong)seed * 31 + 17);
        using var x = tensor(train.X).reshape(train.XShape).to(device);
        using var y = tensor(train.Y).reshape(train.YShape).to(device);
        using var algebra = symmetry.Generators is { Count: > 0 } gens
            ? stack(gens.Select(g => tensor(AlgebraSimilarity.Flatten(g), dtype: float32).reshape(n, n)).ToArray()).to(device)
            : null;
        int batches = (train.Count + config.BatchSize - 1) / config.BatchSize;
        for (int epoch = 0; epoch < config.Epochs; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            double sum = 0;
            using var permutation = randperm(train.Count, generator: rng).to(device);
            for (int b = 0; b < batches; b++)
            {
                using var scope = NewDisposeScope();
                int start = b * config.BatchSize, size = Math.Min(config.BatchSize, train.Count - start);
                var index = permutation.narrow(0, start, size);
                var bx = x.index_select(0, index);
                var by = y.index_select(0, index);
                if (algebra is not null)
                {
                    var z = (randn(size, algebra.shape[0], generator: rng) * symmetry.Sigma).to(device);
                    var g = linalg.matrix_exp(matmul(z, algebra.reshape(algebra.shape[0], -1)).reshape(-1, n, n));
                    bx = LieAlgebraGenerator.Act(g, bx);
                    by = LieAlgebraGenerator.Act(g, by);
                }
                optimizer.ZeroGrad();
                var loss = nn.functional.mse_loss(model.forward(bx.reshape(size, -1)), by.reshape(size, -1));
                loss.backward();
                optimizer.Step(config.LearningRate);
                sum += loss.item<float>();
            }
            progress?.Invoke(symmetry.Name, epoch + 1, sum / batches);
        }
        double trainMse = Evaluate(model, train, device);
        double testMse = Evaluate(model, test, device);
        return new AugmentationRow(symmetry.Name, testMse, trainMse, watch.Elapsed.TotalSeconds);
    }

    /// <summary>Mean squared error over all pairs, without augmentation.</summary>
    private static double Evaluate(Sequential model, SymmetryDataset data, Device device)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var x = tensor(data.X).reshape(data.Count, -1).to(device);
        var y = tensor(data.Y).reshape(data.Count, -1).to(device);
        return nn.functional.mse_loss(model.forward(x), y).item<float>();
    }
}
