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
/// Relaxed: the coefficient depends on the tap, c[o, b, i, t], initialised tied (equal over taps),
/// so training starts exactly equivariant; penalty mean |finite differences of c between
/// neighbouring taps| (both directions of the k x k tap grid). Two forms of c[o, b, i, t]:
/// <list type="bullet">
/// <item>banks &gt;= k*k: a free coefficient per tap (the paper's form; k*k times the strict layer's
/// parameters, so at an equal parameter budget the network is three times narrower);</item>
/// <item>banks L &lt; k*k: L coefficient banks mixed per output field and tap,
/// c[o, b, i, t] = sum_l m[l, o, t] c_l[o, b, i], with m initialised 1 / L. With L = 1 every output
/// field keeps its strict kernel times a learned profile over the taps: the strict layer's
/// parameters plus O k*k, so the relaxed network can be compared at the strict one's width and size.
/// For each output field c is a (basis x input) by tap matrix of rank at most L, so L = k*k spans
/// every per-tap c.</item>
/// </list>
/// The bias is equivariant: one per regular or scalar output field, none for vector outputs (no
/// non-zero vector is invariant under rotation).
/// </summary>
public sealed class RelaxedSteerableConv : nn.Module<Tensor, Tensor>, IRelaxedLayer
{
    private readonly Tensor basis;           // (B, d_out, d_in, k*k)
    private readonly Parameter coefficients; // strict (O, B, I); relaxed per tap (O, B, I, k*k); banked (L, O, B, I)
    private readonly Parameter? tapMix;      // banked only: (L, O, k*k)
    private readonly Parameter? bias;        // (O) for regular / scalar outputs
    private readonly int _kernel, _outDim, _inDim;
    private readonly bool _relu;

    public RelaxedSteerableConv(string name, PlanarGroup group, FieldKind inKind, int inFields, FieldKind outKind, int outFields,
                                int kernel, bool relaxed, bool relu, int banks = int.MaxValue) : base(name)
    {
        if (kernel % 2 == 0) throw new InvalidInputException($"Kernel size must be odd, not {kernel}.", "kernel");
        if (banks < 1) throw new InvalidInputException($"Coefficient banks must be at least 1, not {banks}.", "banks");
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
        int taps = kernel * kernel;
        if (relaxed && banks < taps)
        {
            // The mean of L independent banks shrinks the variance by L.
            coefficients = new Parameter(randn(banks, outFields, size, inFields) * (std * Math.Sqrt(banks)));
            tapMix = new Parameter(full(banks, outFields, taps, 1.0 / banks));
        }
        else
        {
            var tied = randn(outFields, size, inFields) * std;
            coefficients = new Parameter(relaxed ? tied.unsqueeze(3).repeat(1, 1, 1, taps).contiguous() : tied);
        }
        if (outKind != FieldKind.Vector) bias = new Parameter(zeros(outFields));
        RegisterComponents();
    }

    public string LayerName { get; }

    public bool IsRelaxed { get; }

    /// <summary>Number of basis kernels between the layer's field types.</summary>
    public long BasisSize => basis.shape[0];

    /// <summary>The trained coefficients: (O, B, I) strict, (O, B, I, k*k) per tap, (L, O, B, I) banked.</summary>
    public Parameter Coefficients => coefficients;

    /// <summary>Mixing weights m[l, o, t] of the banked form, per bank, output field and tap (null otherwise).</summary>
    public Parameter? TapMix => tapMix;

    /// <summary>c[o, b, i, t] of a relaxed layer (for the banked form, mixed from the banks).</summary>
    public Tensor TapCoefficients() => tapMix is null ? coefficients : einsum("lot,lobi->obit", tapMix, coefficients);

    /// <summary>The assembled kernel (O * d_out, I * d_in, k, k).</summary>
    public Tensor Kernel()
    {
        var kernel = IsRelaxed
            ? einsum("obit,bpqt->opiqt", TapCoefficients(), basis)
            : einsum("obi,bpqt->opiqt", coefficients, basis);
        return kernel.reshape(kernel.shape[0] * _outDim, kernel.shape[2] * _inDim, _kernel, _kernel);
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
        var c = TapCoefficients();
        var grid = c.reshape(c.shape[0], c.shape[1], c.shape[2], _kernel, _kernel);
        int k = _kernel;
        var dx = (grid.narrow(4, 1, k - 1) - grid.narrow(4, 0, k - 1)).abs().flatten();
        var dy = (grid.narrow(3, 1, k - 1) - grid.narrow(3, 0, k - 1)).abs().flatten();
        return cat([dx, dy]).mean();
    }

    /// <summary>The tap profiles of the banked form; the per-tap coefficients themselves otherwise.</summary>
    public IEnumerable<Tensor> RelaxedWeights => !IsRelaxed ? [] : tapMix is not null ? [tapMix] : [coefficients];

    public double Drift()
    {
        if (!IsRelaxed) return 0;
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        return Layers.Drift.FromMean(TapCoefficients().detach(), 3);
    }
}
