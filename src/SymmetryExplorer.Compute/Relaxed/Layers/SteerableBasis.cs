using System.Collections.Concurrent;
using SymmetryExplorer.Compute.Relaxed.Groups;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Relaxed.Layers;

/// <summary>
/// A basis of the k x k kernels K (d_out x d_in per tap) that commute with the group:
/// K(g t) = rho_out(g) K(t) rho_in(g)^-1, computed numerically. The group-averaging projector
/// P(K) = (1/|G|) sum_g rho_out(g) K(g^-1 .) rho_in(g)^-1 is built as a matrix on flattened
/// kernels in float64; its singular vectors with singular value 1 span the equivariant kernels.
/// For C4 and k = 3 there are 18 (vector -> regular), 36 (regular -> regular) and 18
/// (regular -> vector) of them. Results are cached per (group, types, k).
/// </summary>
public static class SteerableBasis
{
    private static readonly ConcurrentDictionary<(string, FieldKind, FieldKind, int), float[]> Cache = new();

    /// <summary>The basis as a tensor (B, d_out, d_in, k * k), orthonormal over flattened kernels.</summary>
    public static Tensor Compute(PlanarGroup group, FieldKind inKind, FieldKind outKind, int k)
    {
        int din = FieldTypes.Dimension(inKind, group), dout = FieldTypes.Dimension(outKind, group), taps = k * k;
        int d = dout * din * taps;
        var values = Cache.GetOrAdd((group.Name, inKind, outKind, k), _ => Solve(group, inKind, outKind, k));
        return tensor(values, [values.Length / d, dout, din, taps]);
    }

    /// <summary>Number of basis kernels.</summary>
    public static int Size(PlanarGroup group, FieldKind inKind, FieldKind outKind, int k)
    {
        using var basis = Compute(group, inKind, outKind, k);
        return (int)basis.shape[0];
    }

    private static float[] Solve(PlanarGroup group, FieldKind inKind, FieldKind outKind, int k)
    {
        int din = FieldTypes.Dimension(inKind, group), dout = FieldTypes.Dimension(outKind, group), taps = k * k;
        int d = dout * din * taps;
        int Index(int p, int q, int t) => (p * din + q) * taps + t;
        var projector = new double[d * d];
        for (int g = 0; g < group.Order; g++)
        {
            var rhoOut = FieldTypes.Representation(outKind, group, g);
            var rhoInInverse = FieldTypes.Representation(inKind, group, group.Inverse(g));
            var source = group.TapSource(g, k); // g^-1 t
            // (A_g K)[p, q, t] = sum_{p', q'} rho_out(g)[p, p'] K[p', q', g^-1 t] rho_in(g)^-1[q', q]
            for (int p = 0; p < dout; p++)
            for (int q = 0; q < din; q++)
            for (int t = 0; t < taps; t++)
            for (int pp = 0; pp < dout; pp++)
            {
                double a = rhoOut[p, pp];
                if (a == 0) continue;
                for (int qq = 0; qq < din; qq++)
                {
                    double b = rhoInInverse[qq, q];
                    if (b == 0) continue;
                    projector[Index(p, q, t) * d + Index(pp, qq, source[t])] += a * b / group.Order;
                }
            }
        }
        using var scope = NewDisposeScope();
        var (u, s, _) = linalg.svd(tensor(projector, [d, d], dtype: ScalarType.Float64));
        var keep = (s > 0.5).nonzero().squeeze(1);
        // Columns of U with singular value 1 span the image of the projector: the equivariant kernels.
        var basis = u.index_select(1, keep).t().contiguous(); // (B, d)
        return basis.to(ScalarType.Float32).data<float>().ToArray();
    }
}
