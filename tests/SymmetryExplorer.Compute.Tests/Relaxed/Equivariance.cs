using SymmetryExplorer.Compute.Relaxed.Groups;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Tests.Relaxed;

/// <summary>Measures mean |f(g x) - g f(x)| / mean |g f(x)| for every non-identity element.</summary>
internal static class Equivariance
{
    public static IReadOnlyDictionary<string, double> Errors(Func<Tensor, Tensor> f, Tensor x, PlanarGroup group, FieldKind inKind, FieldKind outKind)
    {
        var errors = new Dictionary<string, double>();
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var fx = f(x);
        for (int g = 1; g < group.Order; g++)
        {
            var lhs = f(FieldTransform.Apply(x, group, g, inKind));
            var rhs = FieldTransform.Apply(fx, group, g, outKind);
            errors[group.Label(g)] = ((lhs - rhs).abs().mean() / rhs.abs().mean()).item<float>();
        }
        return errors;
    }

    public static void AssertEquivariant(IReadOnlyDictionary<string, double> errors, double tolerance = 1e-5, string what = "")
    {
        foreach (var (element, error) in errors)
            Assert.True(error <= tolerance, $"{what}: equivariance error under {element} is {error:E2}, above {tolerance:E0}");
    }
}
