using SymmetryExplorer.Compute.Optim;
using SymmetryExplorer.Compute.Runtime;
using SymmetryExplorer.Compute.Data.Trajectories;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.LieGan;

/// <summary>Epoch means of the losses (unweighted regulariser values, weighted total in GReg).</summary>
public sealed record EpochLosses(double DReal, double DFake, double GAdv, double GReg, IReadOnlyDictionary<string, double> Regularizers);

/// <summary>
/// The LieGAN optimisation itself: models, optimisers, data on the device, and the random stream
/// that drives shuffling and coefficients. One instance per run, used from one thread.
/// Per batch: a generator step (G transforms the real batch, is scored by D and regularised; Adam
/// on L), then a discriminator step on the same real batch and the transformed batch made before
/// the G update (detached), exactly in the reference's order.
/// </summary>
public sealed class LieGanTrainer : IDisposable
{
    // Initialisation draws from libtorch's global generator (Linear's default init uses it), so
    // concurrent jobs must not interleave their seeding and construction.
    private static readonly Lock InitGate = new();

    private readonly LieGanConfig _config;
    private readonly Tensor _x, _y, _ones, _zeros;
    private readonly Tensor[] _discriminatorParameters;

    public LieGanTrainer(LieGanConfig config, SymmetryDataset data, int seed, Device device)
    {
        _config = config.Validate();
        Data = data;
        Device = device;
        int n = data.Dimension;
        var mask = GeneratorMasks.For(config, n, data.VectorGroups);
        lock (InitGate)
        {
            manual_seed(seed);
            Generator = new LieAlgebraGenerator(config, n, mask);
            Discriminator = new LieDiscriminator(data.XSteps * n, data.YFlatWidth, data.Target == TargetKind.Class ? data.ClassCount : 0,
                config.HiddenWidth, config.EmbeddingSize, config.DiscriminatorFourierFeatures, config.DiscriminatorFourierScale);
        }
        Generator.to(device);
        Discriminator.to(device);
        _discriminatorParameters = Discriminator.parameters().Cast<Tensor>().ToArray();
        GeneratorOptimizer = new AdamOptimizer([Generator.L], config.GeneratorBeta1, config.GeneratorBeta2);
        DiscriminatorOptimizer = new AdamOptimizer(_discriminatorParameters, config.DiscriminatorBeta1, config.DiscriminatorBeta2);
        Random = new torch.Generator((ulong)seed + 0x9E3779B97F4A7C15UL);
        if (config.GeneratorAverageFromEpoch is not null) Average = new GeneratorAverage(config.Channels, n, device);

        _x = tensor(data.X, dtype: float32).reshape(data.XShape).to(device).DetachFromDisposeScope();
        _y = data.Target == TargetKind.Class
            ? tensor(data.Y.Select(v => (long)v).ToArray(), dtype: int64).to(device).DetachFromDisposeScope()
            : tensor(data.Y, dtype: float32).reshape(data.YShape).to(device).DetachFromDisposeScope();
        _ones = ones(config.BatchSize, 1, device: device).DetachFromDisposeScope();
        _zeros = zeros(config.BatchSize, 1, device: device).DetachFromDisposeScope();
    }

    public SymmetryDataset Data { get; }
    public Device Device { get; }
    public LieAlgebraGenerator Generator { get; }
    public LieDiscriminator Discriminator { get; }
    public AdamOptimizer GeneratorOptimizer { get; }
    public AdamOptimizer DiscriminatorOptimizer { get; }

    /// <summary>The running average of L when generator_average_from_epoch is set (checkpointed).</summary>
    public GeneratorAverage? Average { get; }

    /// <summary>Drives shuffling and coefficients; its state is checkpointed so resumes continue the same stream.</summary>
    public torch.Generator Random { get; }

    public int StepsPerEpoch => (Data.Count + _config.BatchSize - 1) / _config.BatchSize;

    /// <summary>The generator learning rate at a (fractional) epoch position.</summary>
    public double GeneratorLearningRate(double epochPosition)
    {
        if (_config.GeneratorSchedule != "exp-decay") return _config.GeneratorLearningRate;
        return OnScheduleClock(_config.GeneratorLearningRate, _config.GeneratorLearningRateFinal, epochPosition);
    }

    /// <summary>The regulariser weight lambda at a (fractional) epoch position: constant unless lambda_final is set.</summary>
    public double RegularizerWeight(double epochPosition)
    {
        if (_config.LambdaFinal is not { } final) return _config.Lambda;
        return OnScheduleClock(_config.Lambda, final, epochPosition);
    }

    /// <summary>
    /// The schedules' shared clock: <paramref name="start"/> until schedule_start_epoch, then
    /// geometric to <paramref name="end"/> over schedule_epochs, then <paramref name="end"/>.
    /// </summary>
    private double OnScheduleClock(double start, double end, double epochPosition)
    {
        double f = Math.Clamp((epochPosition - _config.ScheduleStartEpoch) / _config.ScheduleEpochs, 0, 1);
        return start * Math.Pow(end / start, f);
    }

    /// <summary>
    /// The discriminator's learning rate: scaled by the same schedule factor as the generator's,
    /// or on its own geometric schedule when discriminator_learning_rate_final is set.
    /// </summary>
    public double DiscriminatorLearningRate(double epochPosition) =>
        _config.DiscriminatorLearningRateFinal is { } final
            ? OnScheduleClock(_config.DiscriminatorLearningRate, final, epochPosition)
            : _config.DiscriminatorLearningRate * GeneratorLearningRate(epochPosition) / _config.GeneratorLearningRate;

    /// <summary>
    /// One epoch over a fresh shuffle. <paramref name="afterBatch"/> is called with the batch index
    /// (1-based) and the batch's losses after each step; it may throw to cancel.
    /// </summary>
    public EpochLosses TrainEpoch(int epoch, Action<int, EpochLosses>? afterBatch = null, CancellationToken cancellation = default)
    {
        var sums = new double[4];
        var regSums = new Dictionary<string, double>();
        int batches = StepsPerEpoch;
        using var permutation = randperm(Data.Count, generator: Random).to(Device);
        for (int b = 0; b < batches; b++)
        {
            cancellation.ThrowIfCancellationRequested();
            int start = b * _config.BatchSize;
            int size = Math.Min(_config.BatchSize, Data.Count - start);
            using var scope = NewDisposeScope();
            var index = permutation.narrow(0, start, size);
            var losses = Step(_x.index_select(0, index), _y.index_select(0, index), epoch + (double)b / batches);
            sums[0] += losses.DReal;
            sums[1] += losses.DFake;
            sums[2] += losses.GAdv;
            sums[3] += losses.GReg;
            foreach (var (k, v) in losses.Regularizers) regSums[k] = regSums.GetValueOrDefault(k) + v;
            afterBatch?.Invoke(b + 1, losses);
        }
        return new EpochLosses(sums[0] / batches, sums[1] / batches, sums[2] / batches, sums[3] / batches,
            regSums.ToDictionary(kv => kv.Key, kv => kv.Value / batches));
    }

    /// <summary>
    /// One G step then one D step on a batch, with the reference's maths: loss_G on D(g x) with D's
    /// current weights, an Adam step on L; loss_D = (BCE(D(x), 1) + BCE(D(g x), 0)) / 2 on the same
    /// transformed batch (made before the G update) with the same D weights, an Adam step on D.
    /// Because D does not change between the two steps, D(g x) is the same number in both, so one
    /// forward pass over [x; g x] serves both losses: the G gradient flows only into L (D's weight
    /// gradient from loss_G, which the reference computes and throws away, is never formed) and
    /// the D gradient only into D's weights. Call inside a dispose scope.
    /// </summary>
    public EpochLosses Step(Tensor x, Tensor y, double epochPosition)
    {
        long batch = x.shape[0];
        var valid = batch == _config.BatchSize ? _ones : _ones.narrow(0, 0, batch);
        var fake = batch == _config.BatchSize ? _zeros : _zeros.narrow(0, 0, batch);

        var z = Generator.SampleCoefficients(batch, Random, Device, epochPosition);
        var g = Generator.GroupElements(z);
        var gx = LieAlgebraGenerator.Act(g, x);
        var gy = Data.Target == TargetKind.Vector ? LieAlgebraGenerator.Act(g, y) : y;

        var both = Discriminator.forward(cat([x, gx], 0), cat([y, gy], 0));
        var dReal = both.narrow(0, 0, batch);
        var dFake = both.narrow(0, batch, batch);

        // ---- Generator loss ----
        var gAdv = nn.functional.binary_cross_entropy(dFake, valid);
        var regularizers = new Dictionary<string, double>();
        var weightedReg = zeros(1, device: Device).squeeze();
        var masked = Generator.MaskedL();
        if (_config.Regularizer != "none")
        {
            var reg = _config.Regularizer switch
            {
                "cosine" when _config.CosineMargin is { } margin => LieGanRegularizers.CosineAboveMargin(gx, x, margin),
                "cosine" => LieGanRegularizers.Cosine(gx, x),
                "rel_diff" => LieGanRegularizers.RelativeDifference(gx, x),
                _ => LieGanRegularizers.LNorm(masked, Generator.Dimension, Generator.Channels),
            };
            regularizers["reg_" + _config.Regularizer] = reg.item<float>();
            weightedReg = weightedReg.PlusScaled(reg, RegularizerWeight(epochPosition));
        }
        if (_config.SparsityWeight > 0)
        {
            var sparse = LieGanRegularizers.Sparsity(masked, _config.SparsityP);
            regularizers["reg_sparsity"] = sparse.item<float>();
            weightedReg = weightedReg.PlusScaled(sparse, _config.SparsityWeight);
        }
        if (_config.OrthogonalityWeight > 0 && Generator.Channels > 1)
        {
            var orth = LieGanRegularizers.ChannelOrthogonality(Generator.NormalizedL());
            regularizers["reg_orthogonality"] = orth.item<float>();
            weightedReg = weightedReg.PlusScaled(orth, _config.OrthogonalityWeight);
        }
        var gTotal = gAdv.Plus(weightedReg);

        // ---- Discriminator loss (on the same forward pass; g x is treated as data here) ----
        var realLoss = nn.functional.binary_cross_entropy(dReal, valid);
        var fakeLoss = nn.functional.binary_cross_entropy(dFake, fake);
        var dLoss = realLoss.Plus(fakeLoss).DividedBy(2);
        // R1 runs D once more on the real half: it needs the input gradient with its graph, which
        // the fused pass (inputs without gradients, the default path's cost) does not keep.
        if (_config.DiscriminatorGradientPenalty > 0)
            dLoss = dLoss.PlusScaled(LieGanRegularizers.R1(Discriminator.Logit, x, y), _config.DiscriminatorGradientPenalty / 2);

        // Gradients of each loss with respect to its own player's parameters only.
        var gGrads = torch.autograd.grad([gTotal], [Generator.L], retain_graph: true);
        var dGrads = torch.autograd.grad([dLoss], _discriminatorParameters);
        double generatorRate = GeneratorLearningRate(epochPosition);
        GeneratorOptimizer.Step(generatorRate, gGrads!);
        DiscriminatorOptimizer.Step(DiscriminatorLearningRate(epochPosition), dGrads!);
        if (Average is not null && epochPosition >= _config.GeneratorAverageFromEpoch) Average.Add(Generator.L, generatorRate);

        return new EpochLosses(realLoss.item<float>(), fakeLoss.item<float>(), gAdv.item<float>(), weightedReg.item<float>(), regularizers);
    }

    /// <summary>True once the answer is the running average of L rather than the live L.</summary>
    public bool IsAveraging => Average is { HasSamples: true };

    /// <summary>
    /// The run's answer: the generators the group is built from (masked, normalised when
    /// configured) as float64 matrices; the running average once averaging has begun.
    /// </summary>
    public IReadOnlyList<double[,]> CurrentGenerators() => IsAveraging ? Matrices(Average!.Mean) : LiveGenerators();

    /// <summary>
    /// The largest Frobenius norm over the channels of the live, masked L (before any
    /// normalisation): near 0 when every channel has collapsed to the identity.
    /// </summary>
    public double LargestGeneratorNorm()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return Generator.MaskedL().to(float64).flatten(1).norm(1).max().item<double>();
    }

    /// <summary>The live L's generators (what the next step trains), as float64 matrices.</summary>
    public IReadOnlyList<double[,]> LiveGenerators() => Matrices(Generator.L);

    private IReadOnlyList<double[,]> Matrices(Tensor raw)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var l = Generator.Effective(raw).to(float64).cpu().contiguous();
        int c = Generator.Channels, n = Generator.Dimension;
        var values = l.data<double>().ToArray();
        var list = new List<double[,]>(c);
        for (int k = 0; k < c; k++)
        {
            var m = new double[n, n];
            Buffer.BlockCopy(values, k * n * n * sizeof(double), m, 0, n * n * sizeof(double));
            list.Add(m);
        }
        return list;
    }

    /// <summary>
    /// First input frame of <paramref name="count"/> fixed real samples and the same samples moved by
    /// freshly drawn group elements. Uses its own generator (seeded by epoch) so that snapshots never
    /// disturb the training stream.
    /// </summary>
    public (double[][] Real, double[][] Transformed) Samples(int count, int epoch)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        count = Math.Min(count, Data.Count);
        var x = _x.narrow(0, 0, count);
        using var sampler = new torch.Generator((ulong)(epoch + 1) * 7919UL);
        var answer = IsAveraging ? Generator.Effective(Average!.Mean).to(float32) : null;
        var g = Generator.GroupElements(Generator.SampleCoefficients(count, sampler, Device, epoch + 1), answer);
        var gx = LieAlgebraGenerator.Act(g, x);
        return (Rows(x.select(1, 0)), Rows(gx.select(1, 0)));
    }

    private static double[][] Rows(Tensor t)
    {
        var c = t.to(float64).cpu().contiguous();
        int rows = (int)c.shape[0], cols = (int)c.shape[1];
        var v = c.data<double>().ToArray();
        return Enumerable.Range(0, rows).Select(r => v.AsSpan(r * cols, cols).ToArray()).ToArray();
    }

    public void Dispose()
    {
        GeneratorOptimizer.Dispose();
        DiscriminatorOptimizer.Dispose();
        Generator.Dispose();
        Discriminator.Dispose();
        Random.Dispose();
        Average?.Dispose();
        _x.Dispose();
        _y.Dispose();
        _ones.Dispose();
        _zeros.Dispose();
    }
}
