using SymmetryExplorer.Compute.Relaxed.Groups;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SymmetryExplorer.Compute.Relaxed.Layers;

/// <summary>
/// Group convolution into the regular representation, strict or relaxed (RGroup).
/// Input fields may be scalar or vector (lifting layer) or regular (group-conv layer).
/// The kernel for output element g is sum_l w[l, g] * (g . W_l), where (g . W)[t] = rho_in(g) W[g^-1 t]:
/// the bank turned by g, with its input fibre transformed (for regular input: the input group
/// axis cyclically shifted). Output channels are field-major (o * |G| + g); the bias is one per
/// output field. With w constant over g (always so for the strict layer) the layer is exactly
/// equivariant: (psi * (h f))(g) = (psi * f)(h^-1 g) turned by h.
/// Relaxed: L banks, w[l, g] initialised 1 / L; penalty sum_l sum_{g,h} |w[l, g] - w[l, h]| (the L1 form).
/// </summary>
public sealed class RelaxedGroupConv : nn.Module<Tensor, Tensor>, IRelaxedLayer
{
    private readonly Parameter weight;       // (L, O, I, d_in * k * k)
    private readonly Parameter? combination; // (L, |G|) relaxed only
    private readonly Parameter bias;         // (O)
    // T_g = rho_in(g) (x) tap permutation is a signed permutation for every group offered (integer
    // matrices with one non-zero per row), so K_g[e] = sign_g[e] * W[source_g[e]]: a gather, not a matmul.
    private readonly Tensor sources;         // (|G|, D) long, D = d_in * k * k
    private readonly Tensor signs;           // (|G|, D)
    private readonly int _kernel, _order, _inDim;
    private readonly bool _relu;

    public RelaxedGroupConv(string name, PlanarGroup group, FieldKind inKind, int inFields, int outFields, int kernel,
                            int banks, bool relaxed, bool relu) : base(name)
    {
        if (kernel % 2 == 0) throw new InvalidInputException($"Kernel size must be odd, not {kernel}.", "kernel");
        if (banks < 1) throw new InvalidInputException($"Filter banks must be at least 1, not {banks}.", "banks");
        LayerName = name;
        IsRelaxed = relaxed;
        _kernel = kernel;
        _order = group.Order;
        _inDim = FieldTypes.Dimension(inKind, group);
        _relu = relu;
        int banksUsed = relaxed ? banks : 1;
        int d = _inDim * kernel * kernel;
        double std = Math.Sqrt(2.0 / (inFields * d)) * Math.Sqrt(banksUsed); // the mean of L banks shrinks the variance by L
        weight = new Parameter(randn(banksUsed, outFields, inFields, d) * std);
        if (relaxed) combination = new Parameter(full(banksUsed, group.Order, 1.0 / banksUsed));
        bias = new Parameter(zeros(outFields));
        (sources, signs) = BuildTransforms(group, inKind, kernel);
        RegisterComponents();
    }

    public string LayerName { get; }

    public bool IsRelaxed { get; }

    /// <summary>Combination weights w[l, g] (null for the strict layer).</summary>
    public Parameter? Combination => combination;

    /// <summary>The assembled kernel (O * |G|, I * d_in, k, k).</summary>
    public Tensor Kernel()
    {
        long banks = weight.shape[0], outFields = weight.shape[1], inFields = weight.shape[2], d = weight.shape[3];
        // Every bank turned by every element at once: (L, O, I, G * D) -> (L, O, I, G, D).
        var turned = weight.index_select(3, sources.flatten()).reshape(banks, outFields, inFields, _order, d) * signs;
        var mixed = combination is null
            ? turned[0]                                                                    // (O, I, G, D)
            : (turned * combination.reshape(banks, 1, 1, _order, 1)).sum([0L]);            // sum_l w[l, g] (g . W_l)
        return mixed.permute(0, 2, 1, 3).reshape(outFields * _order, inFields * _inDim, _kernel, _kernel);
    }

    public override Tensor forward(Tensor input)
    {
        var y = F.conv2d(input, Kernel(), bias.repeat_interleave(_order), padding: [_kernel / 2, _kernel / 2]);
        return _relu ? F.relu(y) : y;
    }

    public Tensor Penalty() =>
        combination is null ? zeros(1, device: weight.device).sum() : (combination.unsqueeze(2) - combination.unsqueeze(1)).abs().sum();

    public IEnumerable<Tensor> RelaxedWeights => combination is null ? [] : [combination];

    public double Drift() => combination is null ? 0 : Layers.Drift.FromMean(combination, 1);

    private static (Tensor Sources, Tensor Signs) BuildTransforms(PlanarGroup group, FieldKind inKind, int k)
    {
        int din = FieldTypes.Dimension(inKind, group), taps = k * k, d = din * taps;
        var sources = new long[group.Order * d];
        var signs = new float[group.Order * d];
        for (int g = 0; g < group.Order; g++)
        {
            var rho = FieldTypes.Representation(inKind, group, g);
            var tapSource = group.TapSource(g, k);
            // K_g[(a, t)] = sum_b rho(g)[a, b] W[(b, g^-1 t)], with exactly one non-zero rho(g)[a, b] = +-1 per row a.
            for (int a = 0; a < din; a++)
            {
                int b = Enumerable.Range(0, din).Single(j => rho[a, j] != 0);
                for (int t = 0; t < taps; t++)
                {
                    sources[g * d + a * taps + t] = b * taps + tapSource[t];
                    signs[g * d + a * taps + t] = (float)rho[a, b];
                }
            }
        }
        return (tensor(sources, [group.Order, d]), tensor(signs, [group.Order, d]));
    }
}
