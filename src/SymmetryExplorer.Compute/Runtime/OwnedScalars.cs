using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Runtime;

/// <summary>
/// Tensor arithmetic for hot training loops that never lets TorchSharp make a temporary Scalar.
/// </summary>
/// <remarks>
/// TorchSharp 0.107 turns a number passed where a <see cref="Scalar"/> is expected (and the
/// implicit alpha of <c>Tensor + Tensor</c>) into a native scalar that only the garbage collector
/// frees. The managed object is dead as soon as its handle has been read, so a collection
/// triggered by another thread can run its finalizer while libtorch is still reading the value
/// (dotnet/TorchSharp PR 1434 is the upstream fix, unreleased). In the web server, where request
/// threads allocate all the time, that use-after-free failed a LieGAN run after ~3,400 batches
/// with "toFloat: Expected false to be true" inside <c>add</c>. Code here passes only Scalars it
/// owns: shared constants (static, so never finalized) or ones disposed after the call.
/// </remarks>
public static class OwnedScalars
{
    /// <summary>Integer one: a valid <c>alpha</c> for tensors of every dtype.</summary>
    public static readonly Scalar One = 1.ToScalar();

    /// <summary>a + b.</summary>
    public static Tensor Plus(this Tensor a, Tensor b) => a.add(b, One);

    /// <summary>a + factor * b.</summary>
    public static Tensor PlusScaled(this Tensor a, Tensor b, double factor) => WithScalar(factor, s => a.add(b, s));

    /// <summary>a + value.</summary>
    public static Tensor Plus(this Tensor a, double value) => WithScalar(value, s => a.add(s, One));

    /// <summary>a * value.</summary>
    public static Tensor Times(this Tensor a, double value) => WithScalar(value, a.mul);

    /// <summary>a / value.</summary>
    public static Tensor DividedBy(this Tensor a, double value) => WithScalar(value, s => a.div(s));

    /// <summary>min(a, value) elementwise.</summary>
    public static Tensor AtMost(this Tensor a, double value) => WithScalar(value, a.clamp_max);

    /// <summary>max(a, value) elementwise.</summary>
    public static Tensor AtLeast(this Tensor a, double value) => WithScalar(value, a.clamp_min);

    /// <summary>a ^ exponent elementwise.</summary>
    public static Tensor Power(this Tensor a, double exponent) => WithScalar(exponent, a.pow);

    /// <summary>Runs <paramref name="operation"/> with <paramref name="value"/> as a Scalar that is disposed right after it.</summary>
    private static Tensor WithScalar(double value, Func<Scalar, Tensor> operation)
    {
        using var scalar = value.ToScalar();
        return operation(scalar);
    }
}
