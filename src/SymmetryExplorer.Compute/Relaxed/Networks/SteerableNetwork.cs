using SymmetryExplorer.Compute.Relaxed.Groups;
using SymmetryExplorer.Compute.Relaxed.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Relaxed.Networks;

/// <summary>
/// Steerable CNN: vector input frames -> hidden regular fields (ReLU) -> ... -> one vector field,
/// every kernel drawn from the numerically computed equivariant basis. Strict (steer): one
/// coefficient per basis kernel. Relaxed (rsteer): coefficients that depend on the kernel tap,
/// initialised tied: <see cref="RelaxedConfig.FilterBanks"/> banks mixed per tap, or a free
/// coefficient per tap when the banks reach k*k (see <see cref="RelaxedSteerableConv"/>).
/// </summary>
public sealed class SteerableNetwork : RelaxedNetwork
{
    private readonly ModuleList<RelaxedSteerableConv> layers;

    public SteerableNetwork(RelaxedConfig config, PlanarGroup group) : base("steernet", config.Kind)
    {
        bool relaxed = config.Kind == RelaxedModelKind.RSteer;
        layers = new ModuleList<RelaxedSteerableConv>();
        for (int i = 0; i < config.Layers; i++)
        {
            bool first = i == 0, last = i == config.Layers - 1;
            layers.Add(new RelaxedSteerableConv($"layer{i + 1}", group,
                first ? FieldKind.Vector : FieldKind.Regular, first ? config.InputFrames : config.Hidden,
                last ? FieldKind.Vector : FieldKind.Regular, last ? 1 : config.Hidden,
                config.Kernel, relaxed, relu: !last, banks: config.FilterBanks));
        }
        Group = group;
        PublishedConvention = config.UsesPublishedConvention;
        RegisterComponents();
    }

    public PlanarGroup Group { get; }

    public override IReadOnlyList<IRelaxedLayer> RelaxedLayers => Kind == RelaxedModelKind.RSteer ? layers.ToArray() : [];

    public override Tensor forward(Tensor input)
    {
        var x = ToNetworkConvention(input);
        foreach (var layer in layers) x = layer.forward(x);
        return ToNetworkConvention(x);
    }
}
