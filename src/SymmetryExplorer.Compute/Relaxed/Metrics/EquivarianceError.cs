using SymmetryExplorer.Compute.Relaxed.Groups;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Relaxed.Metrics;

/// <summary>Equivariance error of a one-step predictor, per quarter turn.</summary>
/// <param name="Relative">Per element ("90", "180", "270"): mean |f(g x) - g f(x)| / mean |f(x)|.</param>
/// <param name="Absolute">Per element: mean |f(g x) - g f(x)| (velocity units; the paper's EE).</param>
public sealed record EquivarianceErrors(IReadOnlyDictionary<string, double> Relative, IReadOnlyDictionary<string, double> Absolute)
{
    public double MeanRelative => Relative.Values.Average();
    public double MeanAbsolute => Absolute.Values.Average();
}

/// <summary>
/// Measures how far a flow predictor is from commuting with 90-degree rotations of the velocity
/// field (the engine's convention), whatever its architecture: for the strict models and the
/// relaxed ones with tied weights it is ~1e-7 in float32.
/// </summary>
public static class EquivarianceError
{
    public static EquivarianceErrors Measure(Func<Tensor, Tensor> model, Tensor input)
    {
        var group = PlanarGroup.C4;
        var relative = new Dictionary<string, double>();
        var absolute = new Dictionary<string, double>();
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var output = model(input);
        double scale = output.abs().mean().item<float>();
        for (int g = 1; g < 4; g++)
        {
            var turnedOutput = model(FieldTransform.Apply(input, group, g, FieldKind.Vector));
            var expected = FieldTransform.Apply(output, group, g, FieldKind.Vector);
            double error = (turnedOutput - expected).abs().mean().item<float>();
            absolute[group.Label(g)] = error;
            relative[group.Label(g)] = scale > 0 ? error / scale : error;
        }
        return new EquivarianceErrors(relative, absolute);
    }
}
