using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Relaxed.Groups;

/// <summary>
/// The group acting on batched feature maps (B, F * d, H, W) made of F fields of one kind, each
/// with d channels: the spatial part turns the image about its centre, (g f)(x) = rho(g) f(g^-1 x).
/// For vector fields and quarter turns this is exactly
/// <see cref="Flows.VectorFieldRotation"/>'s convention. Used by equivariance tests and metrics.
/// </summary>
public static class FieldTransform
{
    public static Tensor Apply(Tensor x, PlanarGroup group, int g, FieldKind kind)
    {
        long batch = x.shape[0], channels = x.shape[1], h = x.shape[2], w = x.shape[3];
        if (h != w) throw new InvalidInputException($"Rotations need square grids; this one is {h} x {w}.", "dataset");
        int d = FieldTypes.Dimension(kind, group);
        if (channels % d != 0) throw new ArgumentException($"{channels} channels do not split into fields of {d}.", nameof(x));
        using var scope = NewDisposeScope();
        var source = tensor(group.PixelSource(g, (int)h).Select(i => (long)i).ToArray(), device: x.device);
        var turned = x.reshape(batch, channels, h * w).index_select(2, source);
        var rho = ToTensor(FieldTypes.Representation(kind, group, g), x.dtype, x.device);
        var mixed = matmul(rho, turned.reshape(batch, channels / d, d, h * w));
        return mixed.reshape(batch, channels, h, w).MoveToOuterDisposeScope();
    }

    internal static Tensor ToTensor(double[,] m, ScalarType dtype, Device device)
    {
        int rows = m.GetLength(0), cols = m.GetLength(1);
        var flat = new double[rows * cols];
        for (int i = 0; i < rows; i++)
        for (int j = 0; j < cols; j++)
            flat[i * cols + j] = m[i, j];
        return tensor(flat, [rows, cols], dtype: ScalarType.Float64).to(dtype, device);
    }
}
