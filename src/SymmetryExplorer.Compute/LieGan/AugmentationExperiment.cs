using SymmetryExplorer.Compute.Optim;
using SymmetryExplorer.Compute.Algebra;
using SymmetryExplorer.Compute.Data.Trajectories;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.LieGan;

/// <summary>A symmetry to augment with: generators (null = none) and the coefficient standard deviation.</summary>
public sealed record AugmentationSymmetry(string Name, IReadOnlyList<double[,]>? Generators, double Sigma);

/// <summary>One row of the result table.</summary>
public sealed record AugmentationRow(string Name, double TestMse, double TrainMse, double Seconds);

/// <summary>
/// The paper's downstream use of a discovered symmetry (the reference's aug_pred.ipynb): an MLP f
/// predicting the next frames of 2-body trajectories. With a symmetry, each training batch draws
/// g = exp(sum z_i L_i), z ~ N(0, sigma^2), and the prediction is g^-1 f(g x), compared with y in
/// the original frame (for an orthogonal g that is the same as fitting f(g x) to g y). Evaluation is
/// plain f(x) on the test split, whose orbits start in the other half-plane: without the symmetry
/// the model must extrapolate; with it, the test orbits are rotations of training orbits.
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

    /// <summary>The notebook's predictor: in -> 32 -> 32 -> 32 -> out with ReLU, PyTorch's default initialisation.</summary>
    public static Sequential CreateModel(int inWidth, int outWidth, int hidden) => nn.Sequential(
        nn.Linear(inWidth, hidden), nn.ReLU(),
        nn.Linear(hidden, hidden), nn.ReLU(),
        nn.Linear(hidden, hidden), nn.ReLU(),
        nn.Linear(hidden, outWidth));

    /// <summary>
    /// The training prediction with augmentation: g^-1 f(g x) for x (B, T_in, n), as (B, T_out * n).
    /// The inverse is exp(-z L) rather than a matrix inverse, as in the notebook.
    /// </summary>
    public static Tensor AugmentedPrediction(Sequential model, Tensor x, Tensor g, Tensor gInverse, int framesOut)
    {
        long b = x.shape[0], n = x.shape[2];
        var gx = LieAlgebraGenerator.Act(g, x).reshape(b, -1);
        var fgx = model.forward(gx).reshape(b, framesOut, n);
        return LieAlgebraGenerator.Act(gInverse, fgx).reshape(b, -1);
    }

    private static AugmentationRow RunOne(SymmetryDataset train, SymmetryDataset test, AugmentationSymmetry symmetry, AugmentationConfig config,
        int seed, Device device, Action<string, int, double>? progress, CancellationToken cancellation)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        int n = train.Dimension;
        Sequential model;
        // Linear's default initialisation draws from libtorch's global generator: seed and build atomically.
        lock (typeof(AugmentationExperiment))
        {
            manual_seed(seed);
            model = CreateModel(train.XSteps * n, train.YSteps * n, config.Hidden);
        }
        using var _ = model;
        model.to(device);
        using var optimizer = new AdamOptimizer(model.parameters(), 0.9, 0.999);
        using var rng = new torch.Generator((ulong)seed * 31 + 17);
        using var x = tensor(train.X).reshape(train.XShape).to(device);
        using var y = tensor(train.Y).reshape(train.YShape).to(device);
        using var yFlat = y.reshape(train.Count, -1);
        using var algebra = symmetry.Generators is { Count: > 0 } gens
            ? stack(gens.Select(g => tensor(AlgebraSimilarity.Flatten(g), dtype: float32).reshape(n, n)).ToArray()).reshape(gens.Count, -1).to(device)
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
                Tensor prediction;
                if (algebra is null)
                {
                    prediction = model.forward(bx.reshape(size, -1));
                }
                else
                {
                    var z = (randn(size, algebra.shape[0], generator: rng) * symmetry.Sigma).to(device);
                    var a = matmul(z, algebra).reshape(-1, n, n);
                    prediction = AugmentedPrediction(model, bx, linalg.matrix_exp(a), linalg.matrix_exp(-a), train.YSteps);
                }
                optimizer.ZeroGrad();
                var loss = nn.functional.mse_loss(prediction, yFlat.index_select(0, index));
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

    /// <summary>Mean squared error of plain f(x) over all pairs, without augmentation.</summary>
    private static double Evaluate(Sequential model, SymmetryDataset data, Device device)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var x = tensor(data.X).reshape(data.Count, -1).to(device);
        var y = tensor(data.Y).reshape(data.Count, -1).to(device);
        return nn.functional.mse_loss(model.forward(x), y).item<float>();
    }
}
