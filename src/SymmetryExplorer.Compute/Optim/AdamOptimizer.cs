using SymmetryExplorer.Compute.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Optim;

/// <summary>
/// Adam exactly as PyTorch's single-tensor implementation computes it (lerp for the first moment,
/// addcmul for the second, bias corrections, eps added after the square root), with the learning
/// rate passed per step so schedules need no optimiser rebuild, optional L2 weight decay added to the
/// gradient (PyTorch's Adam weight_decay), and its state exposed as plain tensors for checkpoints.
/// Every number reaches libtorch as a Scalar owned here (see <see cref="OwnedScalars"/>).
/// </summary>
public sealed class AdamOptimizer : IDisposable
{
    private readonly Tensor[] _parameters;
    private readonly double _beta1, _beta2, _eps, _weightDecay;
    private readonly double[]? _rateScales;

    /// <param name="learningRateScales">Optional factor per parameter on the learning rate (a parameter group's own rate).</param>
    public AdamOptimizer(IEnumerable<Tensor> parameters, double beta1, double beta2, double eps = 1e-8, double weightDecay = 0,
        IReadOnlyList<double>? learningRateScales = null)
    {
        _weightDecay = weightDecay;
        _parameters = parameters.ToArray();
        if (learningRateScales is not null && learningRateScales.Count != _parameters.Length)
            throw new ArgumentException($"one learning-rate scale per parameter is needed ({_parameters.Length}), not {learningRateScales.Count}");
        if (learningRateScales is not null && learningRateScales.Any(s => s != 1)) _rateScales = learningRateScales.ToArray();
        _beta1 = beta1;
        _beta2 = beta2;
        _eps = eps;
        FirstMoments = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        SecondMoments = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
    }

    public long Steps { get; set; }

    public Tensor[] FirstMoments { get; }

    public Tensor[] SecondMoments { get; }

    /// <summary>Clears gradients (sets them to none, as PyTorch's default zero_grad).</summary>
    public void ZeroGrad()
    {
        foreach (var p in _parameters)
        {
            var g = p.grad;
            if (g is not null)
            {
                g.Dispose();
                p.grad = null;
            }
        }
    }

    /// <summary>Updates with the parameters' accumulated .grad.</summary>
    public void Step(double learningRate) => Step(learningRate, _parameters.Select(p => p.grad).ToArray());

    /// <summary>Updates with explicitly given gradients (one per parameter, null to skip), e.g. from autograd.grad.</summary>
    public void Step(double learningRate, IList<Tensor?> gradients)
    {
        if (gradients.Count != _parameters.Length) throw new ArgumentException("one gradient per parameter is needed");
        Steps++;
        double biasCorrection1 = 1 - Math.Pow(_beta1, Steps);
        double biasCorrection2Sqrt = Math.Sqrt(1 - Math.Pow(_beta2, Steps));
        double stepSize = learningRate / biasCorrection1;
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        // Scalars owned here and disposed after the loop (see OwnedScalars for why not plain doubles).
        using Scalar beta2 = _beta2.ToScalar(), secondWeight = (1 - _beta2).ToScalar(),
            correction2 = biasCorrection2Sqrt.ToScalar(), eps = _eps.ToScalar(), step = (-stepSize).ToScalar(),
            decay = _weightDecay.ToScalar();
        var firstWeight = tensor(1 - _beta1); // lerp_ takes its weight as a tensor (held by the scope)
        for (int i = 0; i < _parameters.Length; i++)
        {
            var grad = gradients[i];
            if (grad is null) continue;
            if (_weightDecay != 0) grad = grad.add(_parameters[i], decay);
            FirstMoments[i].lerp_(grad, firstWeight);
            SecondMoments[i].mul_(beta2).addcmul_(grad, grad, secondWeight);
            var denom = SecondMoments[i].sqrt().div_(correction2).add_(eps, OwnedScalars.One);
            if (_rateScales is { } scales && scales[i] != 1)
            {
                using var scaledStep = (-stepSize * scales[i]).ToScalar();
                _parameters[i].addcdiv_(FirstMoments[i], denom, scaledStep);
            }
            else _parameters[i].addcdiv_(FirstMoments[i], denom, step);
        }
    }

    /// <summary>Writes the step count and both moments (for checkpoints).</summary>
    public void Save(string path)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(Steps);
        writer.Write(_parameters.Length);
        foreach (var m in FirstMoments) m.Save(writer);
        foreach (var v in SecondMoments) v.Save(writer);
    }

    /// <summary>Reads what <see cref="Save"/> wrote into this optimiser's moments.</summary>
    /// <exception cref="InvalidDataException">The file was written for other parameters.</exception>
    public void Load(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        long steps = reader.ReadInt64();
        int count = reader.ReadInt32();
        if (count != _parameters.Length)
            throw new InvalidDataException($"the optimiser state holds {count} parameters, the model has {_parameters.Length}");
        using var noGrad = no_grad();
        foreach (var m in FirstMoments) m.Load(reader);
        foreach (var v in SecondMoments) v.Load(reader);
        Steps = steps;
    }

    public void Dispose()
    {
        foreach (var t in FirstMoments) t.Dispose();
        foreach (var t in SecondMoments) t.Dispose();
    }
}
