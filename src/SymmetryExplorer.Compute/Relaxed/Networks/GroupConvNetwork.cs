using SymmetryExplorer.Compute.Relaxed.Groups;
using SymmetryExplorer.Compute.Relaxed.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Relaxed.Networks;

/// <summary>
/// Group CNN on the regular representation: a lifting layer from the input velocity frames (vector
/// fields) to hidden regular fields, group convolutions, a last group convolution to one regular
/// field, and the reverse sum back to a velocity. Every layer but the last applies ReLU.
/// Strict (gconv): one bank, no combination weights. Relaxed (rgroup): L banks per layer with
/// w_l(g) initialised 1 / L, so the network starts exactly equivariant.
/// </summary>
public sealed class GroupConvNetwork : RelaxedNetwork
{
    private readonly ModuleList<RelaxedGroupConv> layers;
    private readonly RegularToVector readout;

    public GroupConvNetwork(RelaxedConfig config, PlanarGroup group) : base("groupnet", config.Kind)
    {
        bool relaxed = config.Kind == RelaxedModelKind.RGroup;
        layers = new ModuleList<RelaxedGroupConv>();
        for (int i = 0; i < config.Layers; i++)
        {
            bool first = i == 0, last = i == config.Layers - 1;
            layers.Add(new RelaxedGroupConv($"layer{i + 1}", group,
                first ? FieldKind.Vector : FieldKind.Regular,
                first ? config.InputFrames : config.Hidden,
                last ? 1 : config.Hidden,
                config.Kernel, config.FilterBanks, relaxed, relu: !last));
        }
        readout = new RegularToVector("readout", group);
        PublishedConvention = config.UsesPublishedConvention;
        Group = group;
        RegisterComponents();
    }

    public PlanarGroup Group { get; }

    public override IReadOnlyList<IRelaxedLayer> RelaxedLayers => Kind == RelaxedModelKind.RGroup ? layers.ToArray() : [];

    public override Tensor forward(Tensor input)
    {
        var x = ToNetworkConvention(input);
        foreach (var layer in layers) x = layer.forward(x);
        return ToNetworkConvention(readout.forward(x));
    }
}
