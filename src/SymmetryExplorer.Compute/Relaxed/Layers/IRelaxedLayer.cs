using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Relaxed.Layers;

/// <summary>
/// A layer whose equivariance is relaxed by weights that are tied at initialisation and may drift
/// apart during training, at the price of a penalty.
/// </summary>
public interface IRelaxedLayer
{
    /// <summary>Name used in metric keys (<c>drift_&lt;name&gt;</c>).</summary>
    string LayerName { get; }

    /// <summary>The weights that are tied at initialisation and relax (what <see cref="Drift"/> measures).</summary>
    IEnumerable<Tensor> RelaxedWeights { get; }

    /// <summary>The layer's penalty on untied weights (not yet multiplied by alpha); differentiable.</summary>
    Tensor Penalty();

    /// <summary>
    /// How far the relaxed weights are from tied: sum |w - tied(w)| / sum |tied(w)|, where tied(w)
    /// is their mean over the relaxed axis (the nearest tied point). 0 when exactly tied.
    /// </summary>
    double Drift();
}

internal static class Drift
{
    /// <summary>Relative L1 distance of <paramref name="weights"/> from their mean over <paramref name="dims"/>.</summary>
    public static double FromMean(Tensor weights, params long[] dims)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var w = weights.detach().to(ScalarType.Float64); // the mean of equal float32 values is not always exact
        var tied = w.mean(dims, keepdim: true);
        double denominator = tied.expand_as(w).abs().sum().item<double>();
        double numerator = (w - tied).abs().sum().item<double>();
        return denominator > 0 ? numerator / denominator : numerator;
    }
}
