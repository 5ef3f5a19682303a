namespace SymmetryExplorer.Compute.Relaxed.Groups;

/// <summary>How a feature field transforms under the group: the fibre representation.</summary>
public enum FieldKind
{
    /// <summary>One channel, unchanged by the group (trivial representation).</summary>
    Scalar,
    /// <summary>Two channels (vx, vy) rotated by the element's matrix (for C4 the irrep of frequency 1).</summary>
    Vector,
    /// <summary>|G| channels, one per group element, permuted by the group (regular representation).</summary>
    Regular,
}

/// <summary>Fibre representations as dense matrices, for building kernels and their constraints.</summary>
public static class FieldTypes
{
    public static int Dimension(FieldKind kind, PlanarGroup group) => kind switch
    {
        FieldKind.Scalar => 1,
        FieldKind.Vector => 2,
        _ => group.Order,
    };

    /// <summary>rho(g) as a d x d matrix: channel a of (g f) = sum_b rho(g)[a, b] f[b].</summary>
    public static double[,] Representation(FieldKind kind, PlanarGroup group, int g)
    {
        switch (kind)
        {
            case FieldKind.Scalar:
                return new double[,] { { 1 } };
            case FieldKind.Vector:
                var m = group.Matrix(g);
                return new double[,] { { m[0], m[1] }, { m[2], m[3] } };
            default:
                // (g f)(h) = f(g^-1 h): row h has its 1 in column g^-1 h.
                int n = group.Order;
                var p = new double[n, n];
                for (int h = 0; h < n; h++) p[h, group.Multiply(group.Inverse(g), h)] = 1;
                return p;
        }
    }
}
