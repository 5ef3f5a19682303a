using SymmetryExplorer.Compute.Relaxed.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Relaxed.Networks;

/// <summary>
/// A one-step flow predictor: input (B, 2 * frames, H, W) of stacked past velocities
/// [frame 0 vx, frame 0 vy, frame 1 vx, ...], output (B, 2, H, W), the next velocity.
/// Knows its relaxed layers (penalty, drift) and its parameter count.
/// </summary>
public abstract class RelaxedNetwork : nn.Module<Tensor, Tensor>
{
    protected RelaxedNetwork(string name, RelaxedModelKind kind) : base(name) => Kind = kind;

    public RelaxedModelKind Kind { get; }

    /// <summary>True when the network encodes the published code's vector convention (see <see cref="RelaxedConfig.VectorConvention"/>).</summary>
    public bool PublishedConvention { get; protected init; }

    /// <summary>
    /// The published convention's action is S g S, with S (vx, vy) = (vx, -vy): S R(theta) S = R(-theta),
    /// which for quarter turns is R(theta) composed with v -> -v. A network f equivariant under the
    /// physical action therefore becomes one equivariant under the published action as S f(S x);
    /// this applies S to a stack of velocity frames [vx, vy, vx, vy, ...] (and is its own inverse).
    /// Identity for the physical convention.
    /// </summary>
    protected Tensor ToNetworkConvention(Tensor frames)
    {
        if (!PublishedConvention) return frames;
        long channels = frames.shape[1];
        var signs = new float[channels];
        for (int c = 0; c < channels; c++) signs[c] = c % 2 == 0 ? 1f : -1f;
        using var s = tensor(signs, [1, channels, 1, 1], dtype: frames.dtype, device: frames.device);
        return frames * s;
    }

    /// <summary>Layers whose weights can drift from tied; empty for strict models and the ConvNet.</summary>
    public abstract IReadOnlyList<IRelaxedLayer> RelaxedLayers { get; }

    /// <summary>alpha * sum of the layers' penalties (zero for models without relaxed layers).</summary>
    public Tensor Penalty(double alpha)
    {
        var device = parameters().First().device;
        if (RelaxedLayers.Count == 0 || alpha == 0) return zeros(1, device: device).sum();
        Tensor total = RelaxedLayers[0].Penalty();
        foreach (var layer in RelaxedLayers.Skip(1)) total = total + layer.Penalty();
        return total * alpha;
    }

    /// <summary>Drift from tied weights per relaxed layer, keyed by layer name.</summary>
    public IReadOnlyDictionary<string, double> Drift() => RelaxedLayers.ToDictionary(l => l.LayerName, l => l.Drift());

    /// <summary>Per parameter (in <c>parameters()</c> order): <paramref name="factor"/> for relaxed weights, 1 for the rest.</summary>
    public double[] LearningRateScales(double factor)
    {
        var relaxed = RelaxedLayers.SelectMany(l => l.RelaxedWeights).Select(t => t.Handle).ToHashSet();
        return parameters().Select(p => relaxed.Contains(p.Handle) ? factor : 1).ToArray();
    }

    public long ParameterCount() => parameters().Sum(p => p.numel());

    /// <summary>Trainable parameters per layer (layer1 .. layerN, then any other part), in order.</summary>
    public IReadOnlyList<LayerParameters> ParameterBreakdown()
    {
        var rows = new List<LayerParameters>();
        foreach (var (name, module) in named_children())
        {
            // The layer stacks are module lists: report their members as layer1, layer2, ...
            var members = module is TorchSharp.Modules.ModuleList<nn.Module<Tensor, Tensor>> or TorchSharp.Modules.ModuleList<Layers.RelaxedGroupConv>
                              or TorchSharp.Modules.ModuleList<Layers.RelaxedSteerableConv>
                ? module.named_children().Select((c, i) => ($"layer{i + 1}", c.module))
                : [(name, module)];
            foreach (var (label, part) in members)
            {
                long count = part.parameters().Sum(p => p.numel());
                if (count > 0) rows.Add(new LayerParameters(label, count));
            }
        }
        return rows;
    }
}

/// <summary>Parameters of one layer, for the parameter-count report.</summary>
public sealed record LayerParameters(string Layer, long Parameters);
