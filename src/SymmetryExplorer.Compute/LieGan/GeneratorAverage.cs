using SymmetryExplorer.Compute.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.LieGan;

/// <summary>
/// Weighted running mean of the generator basis L (see <see cref="LieGanConfig.GeneratorAverageFromEpoch"/>).
/// Kept in float64 so thousands of small updates do not round away; both tensors are checkpointed
/// so a resumed run continues the same average.
/// </summary>
public sealed class GeneratorAverage : IDisposable
{
    public GeneratorAverage(long channels, long n, Device device)
    {
        Mean = zeros(channels, n, n, dtype: float64, device: device).DetachFromDisposeScope();
        Weight = zeros(1, dtype: float64).DetachFromDisposeScope();
    }

    /// <summary>The weighted mean of the L's added so far (zeros before the first).</summary>
    public Tensor Mean { get; }

    /// <summary>Sum of the weights added so far (a one-element float64 tensor, on the CPU).</summary>
    public Tensor Weight { get; }

    public bool HasSamples => Weight.item<double>() > 0;

    /// <summary>mean += (w / W_new) (l - mean): the exact weighted mean, one step at a time.</summary>
    public void Add(Tensor l, double weight)
    {
        if (!(weight > 0)) throw new ArgumentOutOfRangeException(nameof(weight), weight, "weights must be positive");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        double total = Weight.item<double>() + weight;
        using var totalScalar = total.ToScalar();
        using var share = (weight / total).ToScalar();
        Weight.fill_(totalScalar);
        Mean.add_(l.detach().to(float64).PlusScaled(Mean, -1), share);
    }

    public void Dispose()
    {
        Mean.Dispose();
        Weight.Dispose();
    }
}
