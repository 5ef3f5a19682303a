using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.LieGan;

/// <summary>
/// LeakyReLU with its slope held as a Scalar the module owns. TorchSharp's nn.LeakyReLU converts
/// its double slope into a temporary Scalar on every call, which the finalizer thread can free while
/// libtorch reads it (see <see cref="Runtime.OwnedScalars"/>). No parameters, so state_dict keys
/// of the surrounding Sequential are unchanged.
/// </summary>
public sealed class SafeLeakyReLU(double negativeSlope) : nn.Module<Tensor, Tensor>(nameof(SafeLeakyReLU))
{
    private readonly Scalar _slope = negativeSlope.ToScalar();

    public override Tensor forward(Tensor input) => input.leaky_relu(_slope);

    protected override void Dispose(bool disposing)
    {
        if (disposing) _slope.Dispose();
        base.Dispose(disposing);
    }
}
