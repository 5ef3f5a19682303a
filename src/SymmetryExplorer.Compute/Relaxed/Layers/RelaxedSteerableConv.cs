using SymmetryExplorer.Compute.Relaxed.Groups;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SymmetryExplorer.Compute.Relaxed.Layers;

/// <summary>
/// Steerable convolution between field types, strict or relaxed (RSteer). The kernel is
/// sum_b c[o, b, i, (t)] * basis_b[t] over the numerically computed equivariant basis
/// (<see cref="SteerableBasis"/>). Strict: one coefficient per basis kernel (shared over taps).
/// Relaxed: one per basis kernel and tap, initialised tied (equal over taps), so training starts
/// exactly equivariant; penalty mean |finite differences of c between neighbouring taps| (both
/// directions of the k x k tap grid). The bias is equivariant: one per regular or scalar output
/// field, none for vector outputs (no non-zero vector is invariant under rotation).
/// </summary>
public sealed class RelaxedSteerableConv : nn.Module<Tensor, Tensor>, IRelaxedLayer
{
    private readonly Tensor basis;           // (B, d_out, d_in, k*k)
    private readonly Parameter coefficients; // strict (O, B, I); relaxed (O, B, I, k*k)
    private readonly Parameter? bias;        // (O) for regular / scalar outputs
    private readonly int _kernel, _outDim, _inDim;
    private readonly bool _relu;

    public RelaxedSteerableConv(string name, PlanarGroup group, FieldKind inKind, int inFields, FieldKind outKind, int outFields,
                                int kernel, bool relaxed, bool relu) : base(name)
    {
        if (kernel % 2 == 0) throw new InvalidInputException($"Kernel size must be odd, not {kernel}.", "kernel");
        LayerName = name;
        IsRelaxed = relaxed;
        _kernel = kernel;
        _relu = relu;
        _inDim = FieldTypes.Dimension(inKind, group);
        _outDim = FieldTypes.Dimension(outKind, group);
        basis = SteerableBasis.Compute(group, inKind, outKind, kernel);
        long size = basis.shape[0];
        if (size == 0) throw new InvalidInputException($"No {group.Name}-equivariant {kernel} x {kernel} kernels map {inKind} to {outKind} fields.", "model");
        // Basis kernels are orthonormal, so an entry of sum_b c_b B_b has variance ~ var(c) * size / (d_out d_in k^2):
        // pick var(c) for a He-style kernel variance of 2 / fan_in.
        double std = Math.Sqrt(2.0 / (inFields * _inDim * kernel * kernel) * _outDim * _inDim * kernel * kernel / size);
        var tied = randn(outFields, size, inFields) * std;
        coefficients = new Parameter(relaxed ? tied.unsqueeze(3).repeat(1, 1, 1, kernel * kernel).contiguous() : tied);
        if (outKind != FieldKind.Vector) bias = new Parameter(zeros(outFields));
        RegisterComponents();
    }

    public string LayerName { get; }

    public bool IsRelaxed { get; }

    /// <summary>Number of basis kernels between the layer's field types.</summary>
    public long BasisSize => basis.shape[0];

    public Parameter Coefficients => coefficients;

    /// <summary>The assembled kernel (O * d_out, I * d_in, k, k).</summary>
    public Tensor Kernel()
    {
        long outFields = coefficients.shape[0], inFields = coefficients.shape[2];
        var kernel = IsRelaxed
            ? einsum("obit,bpqt->opiqt", coefficients, basis)
            : einsum("obi,bpqt->opiqt", coefficients, basis);
        return kernel.reshape(outFields * _outDim, inFields * _inDim, _kernel, _kernel);
    }

    public override Tensor forward(Tensor input)
    {
        var b = bias?.repeat_interleave(_outDim);
        var y = F.conv2d(input, Kernel(), b, padding: [_kernel / 2, _kernel / 2]);
        return _relu ? F.relu(y) : y;
    }

    public Tensor Penalty()
    {
        if (!IsRelaxed) return zeros(1, device: coefficients.device).sum();
        var grid = coefficients.reshape(coefficients.shape[0], coefficients.shape[1], coefficients.shape[2], _kernel, _kernel);
        int k = _kernel;
        var dx = (grid.narrow(4, 1, k - 1) - grid.narrow(4, 0, k - 1)).abs().flatten();
        var dy = (grid.narrow(3, 1, k - 1) - grid.narrow(3, 0, k - 1)).abs().flatten();
        return cat([dx, dy]).mean();
    }

    public double Drift() => IsRelaxed ? Layers.Drift.FromMean(coefficients, 3) : 0;
}
