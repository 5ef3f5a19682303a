using SymmetryExplorer.Compute.Relaxed.Groups;

namespace SymmetryExplorer.Compute.Relaxed.Networks;

/// <summary>Builds the network a configuration names, for a given grid.</summary>
public static class RelaxedNetworks
{
    /// <exception cref="InvalidInputException">Invalid configuration, or a group model on a non-square grid.</exception>
    public static RelaxedNetwork Create(RelaxedConfig config, int height, int width)
    {
        config.Validate();
        var kind = config.Kind;
        if (kind.UsesGroup() && height != width)
            throw new InvalidInputException($"The {config.Model} model rotates its inputs and needs a square grid; this data set is {height} x {width}.", "model");
        return kind switch
        {
            RelaxedModelKind.Conv or RelaxedModelKind.RTrans => new ConvNetwork(config, height, width),
            RelaxedModelKind.GConv or RelaxedModelKind.RGroup => new GroupConvNetwork(config, PlanarGroup.Create(config.GroupOrder, config.Reflections)),
            _ => new SteerableNetwork(config, PlanarGroup.Create(config.GroupOrder, config.Reflections)),
        };
    }

    /// <summary>Trainable parameters the configuration would have on this grid (builds the model once).</summary>
    public static long ParameterCount(RelaxedConfig config, int height, int width)
    {
        using var network = Create(config, height, width);
        return network.ParameterCount();
    }
}
