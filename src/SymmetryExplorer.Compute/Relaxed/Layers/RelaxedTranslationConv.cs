using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SymmetryExplorer.Compute.Relaxed.Layers;

/// <summary>
/// Relaxed translation convolution: L ordinary convolutions mixed by per-pixel weights w[y, x, l]
/// (initialised 1 / L). With w equal everywhere it is a plain convolution with the mean kernel
/// (translation-equivariant); letting w vary in space relaxes translation symmetry.
/// Penalty: the total variation of w, sum |w[y+1, x] - w[y, x]| + |w[y, x+1] - w[y, x]|.
/// </summary>
public sealed class RelaxedTranslationConv : nn.Module<Tensor, Tensor>, IRelaxedLayer
{
    private readonly Parameter weight; // (L, O, I, k, k)
    private readonly Parameter bias;   // (O)
    private readonly Parameter mix;    // (H, W, L)
    private readonly int _kernel;

    public RelaxedTranslationConv(string name, int inChannels, int outChannels, int kernel, int banks, int height, int width) : base(name)
    {
        if (kernel % 2 == 0) throw new InvalidInputException($"Kernel size must be odd, not {kernel}.", "kernel");
        if (banks < 1) throw new InvalidInputException($"Filter banks must be at least 1, not {banks}.", "banks");
        LayerName = name;
        _kernel = kernel;
        double std = Math.Sqrt(2.0 / (inChannels * kernel * kernel)) * Math.Sqrt(banks);
        weight = new Parameter(randn([banks, outChannels, inChannels, kernel, kernel]) * std);
        bias = new Parameter(zeros(outChannels));
        mix = new Parameter(full([height, width, banks], 1.0 / banks));
        RegisterComponents();
    }

    public string LayerName { get; }

    public Parameter Mix => mix;

    public Parameter Weight => weight;

    public override Tensor forward(Tensor input)
    {
        long banks = weight.shape[0], outChannels = weight.shape[1];
        long b = input.shape[0], h = input.shape[2], w = input.shape[3];
        if (h != mix.shape[0] || w != mix.shape[1])
            throw new InvalidInputException($"This relaxed translation layer was built for {mix.shape[0]} x {mix.shape[1]} grids, not {h} x {w}.", "dataset");
        var all = F.conv2d(input, weight.reshape(banks * outChannels, weight.shape[2], _kernel, _kernel), padding: [_kernel / 2, _kernel / 2]);
        var weights = mix.permute(2, 0, 1).reshape(1, banks, 1, h, w);
        return (all.reshape(b, banks, outChannels, h, w) * weights).sum([1L]) + bias.reshape(1, outChannels, 1, 1);
    }

    public Tensor Penalty()
    {
        long h = mix.shape[0], w = mix.shape[1];
        return (mix.narrow(0, 1, h - 1) - mix.narrow(0, 0, h - 1)).abs().sum() +
               (mix.narrow(1, 1, w - 1) - mix.narrow(1, 0, w - 1)).abs().sum();
    }

    public IEnumerable<Tensor> RelaxedWeights => [mix];

    public double Drift() => Layers.Drift.FromMean(mix, 0, 1);
}
