using SymmetryExplorer.Compute.Relaxed.Networks;

namespace SymmetryExplorer.Compute.Relaxed;

/// <summary>One model's size: its width, total trainable parameters and where they sit.</summary>
public sealed record ModelSize(string Model, int Hidden, long Parameters, IReadOnlyList<LayerParameters> Layers);

/// <summary>
/// Parameter counts of the models side by side, so that they can be compared at equal size
/// (the paper's requirement): either the presets as they are, or every model's width matched to a budget.
/// </summary>
public static class ParameterReport
{
    /// <param name="height">Grid height (rtrans has per-pixel weights).</param>
    /// <param name="width">Grid width.</param>
    /// <param name="budget">Match every model's hidden width to this many parameters; null keeps the presets.</param>
    /// <param name="adjust">Changes applied to every preset first (input frames, layers, banks, ...).</param>
    public static IReadOnlyList<ModelSize> Build(int height, int width, long? budget = null, Func<RelaxedConfig, RelaxedConfig>? adjust = null)
    {
        var sizes = new List<ModelSize>();
        foreach (string model in RelaxedModelKinds.Names)
        {
            var config = RelaxedPresets.For(model);
            if (adjust is not null) config = adjust(config) with { Model = model };
            if (budget is { } b) config = config with { Hidden = RelaxedPresets.HiddenForBudget(config, b, height, width) };
            using var network = RelaxedNetworks.Create(config, height, width);
            sizes.Add(new ModelSize(model, config.Hidden, network.ParameterCount(), network.ParameterBreakdown()));
        }
        return sizes;
    }
}
