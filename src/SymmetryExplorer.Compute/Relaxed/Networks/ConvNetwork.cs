using TorchSharp;
using TorchSharp.Modules;
using SymmetryExplorer.Compute.Relaxed.Layers;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Relaxed.Networks;

/// <summary>
/// The ConvNet baseline: (Conv-BN-ReLU) x (layers - 1), then a convolution to the 2 output
/// channels. With <see cref="RelaxedModelKind.RTrans"/> every convolution is a
/// <see cref="RelaxedTranslationConv"/> instead (L convolutions mixed by per-pixel weights).
/// </summary>
public sealed class ConvNetwork : RelaxedNetwork
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> blocks;
    private readonly List<IRelaxedLayer> _relaxed = [];

    public ConvNetwork(RelaxedConfig config, int height, int width) : base("convnet", config.Kind)
    {
        int inChannels = 2 * config.InputFrames, hidden = config.Hidden, k = config.Kernel;
        blocks = new ModuleList<nn.Module<Tensor, Tensor>>();
        for (int i = 0; i < config.Layers; i++)
        {
            bool last = i == config.Layers - 1;
            int cin = i == 0 ? inChannels : hidden, cout = last ? 2 : hidden;
            string name = $"layer{i + 1}";
            nn.Module<Tensor, Tensor> conv;
            if (config.Kind == RelaxedModelKind.RTrans)
            {
                var relaxed = new RelaxedTranslationConv(name, cin, cout, k, config.FilterBanks, height, width);
                _relaxed.Add(relaxed);
                conv = relaxed;
            }
            else
            {
                conv = nn.Conv2d(cin, cout, k, padding: k / 2);
            }
            blocks.Add(last ? conv : nn.Sequential((name + "_conv", conv), (name + "_bn", nn.BatchNorm2d(cout)), (name + "_relu", nn.ReLU())));
        }
        RegisterComponents();
    }

    public override IReadOnlyList<IRelaxedLayer> RelaxedLayers => _relaxed;

    public override Tensor forward(Tensor input)
    {
        var x = input;
        foreach (var block in blocks) x = block.forward(x);
        return x;
    }
}
