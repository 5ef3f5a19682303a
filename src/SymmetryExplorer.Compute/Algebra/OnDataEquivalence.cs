namespace SymmetryExplorer.Compute.Algebra;

/// <summary>Result of fitting L x ≈ sum_j c_j L_ref,j x over data points.</summary>
/// <param name="Coefficients">c_j (for a one-element reference, the scale s in L x = s L_ref x).</param>
/// <param name="Residual">|L x - fit| / |L x| over all points: 0 means L equals the fitted combination on the data.</param>
public sealed record OnDataFit(double[] Coefficients, double Residual);

/// <summary>
/// On-data equivalence: a generator can differ from the reference off the data manifold and still
/// be the same symmetry on the data (the reference's wide-mask two-body result scores -0.70 by plain
/// cosine yet equals -1.345 x the ground truth on data where q2 = -q1). Compares the vector fields
/// L x and L_ref x at the data points by least squares.
/// </summary>
public static class OnDataEquivalence
{
    /// <param name="points">Data points, each of length n.</param>
    public static OnDataFit Fit(double[,] generator, IReadOnlyList<double[,]> reference, IReadOnlyList<double[]> points)
    {
        int k = reference.Count;
        var normal = new double[k, k];
        var rhs = new double[k];
        double total = 0;
        var images = new double[k][];
        foreach (var x in points)
        {
            var lx = DenseMatrix.Apply(generator, x);
            for (int j = 0; j < k; j++) images[j] = DenseMatrix.Apply(reference[j], x);
            for (int a = 0; a < k; a++)
            {
                rhs[a] += Dot(images[a], lx);
                for (int b = 0; b < k; b++) normal[a, b] += Dot(images[a], images[b]);
            }
            total += Dot(lx, lx);
        }
        var coefficients = SolveSymmetric(normal, rhs);
        // Residual energy = |Lx|^2 - 2 c.rhs + c^T N c, accumulated exactly rather than re-looping.
        double fitted = 0;
        for (int a = 0; a < k; a++)
        {
            fitted -= 2 * coefficients[a] * rhs[a];
            for (int b = 0; b < k; b++) fitted += coefficients[a] * normal[a, b] * coefficients[b];
        }
        double residual = total > 0 ? Math.Sqrt(Math.Max(0, total + fitted) / total) : 0;
        return new OnDataFit(coefficients, residual);
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    /// <summary>Least-squares solve of a small symmetric positive semi-definite system via its eigen-decomposition (pseudo-inverse).</summary>
    private static double[] SolveSymmetric(double[,] a, double[] b)
    {
        var (values, vectors) = SymmetricEigen.Decompose(a);
        int k = b.Length;
        double cutoff = 1e-12 * Math.Max(values.Max(Math.Abs), 1e-300);
        var x = new double[k];
        for (int e = 0; e < k; e++)
        {
            if (Math.Abs(values[e]) <= cutoff) continue;
            double proj = 0;
            for (int i = 0; i < k; i++) proj += vectors[i, e] * b[i];
            for (int i = 0; i < k; i++) x[i] += vectors[i, e] * proj / values[e];
        }
        return x;
    }
}
