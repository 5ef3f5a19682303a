namespace SymmetryExplorer.Compute.Algebra;

/// <summary>
/// How close discovered generators are to a reference algebra. Directions are compared, not scales
/// (LieGAN's |L| drifts while its direction holds), and signs do not matter (L and -L generate the
/// same group).
/// </summary>
public static class AlgebraSimilarity
{
    /// <summary>|tr(A^T B)| / (|A| |B|); 0 when either is zero.</summary>
    public static double AbsCosine(double[,] a, double[,] b)
    {
        double na = DenseMatrix.Norm(a), nb = DenseMatrix.Norm(b);
        return na == 0 || nb == 0 ? 0 : Math.Abs(DenseMatrix.Dot(a, b)) / (na * nb);
    }

    /// <summary>
    /// Per channel: with a one-element reference, |cos(L_i, L_ref)|; with several, the cosine of the
    /// angle between L_i and the span of the reference (|projection| / |L_i|).
    /// </summary>
    public static double[] ChannelCosines(IReadOnlyList<double[,]> generators, IReadOnlyList<double[,]> reference)
    {
        if (reference.Count == 1) return generators.Select(g => AbsCosine(g, reference[0])).ToArray();
        var basis = Orthonormalise(reference);
        return generators.Select(g =>
        {
            double norm = DenseMatrix.Norm(g);
            if (norm == 0) return 0;
            double projected = Math.Sqrt(basis.Sum(q => Math.Pow(Dot(Flatten(g), q), 2)));
            return Math.Min(1, projected / norm);
        }).ToArray();
    }

    /// <summary>
    /// Cosines of the principal angles between span(generators) and span(reference), descending
    /// (as vectors in R^{n x n}).
    /// </summary>
    public static double[] PrincipalCosines(IReadOnlyList<double[,]> generators, IReadOnlyList<double[,]> reference)
    {
        var qa = Orthonormalise(generators);
        var qb = Orthonormalise(reference);
        if (qa.Count == 0 || qb.Count == 0) return [];
        var m = new double[qa.Count, qb.Count];
        for (int i = 0; i < qa.Count; i++)
        for (int j = 0; j < qb.Count; j++) m[i, j] = Dot(qa[i], qb[j]);
        return SymmetricEigen.SingularValues(m).Take(Math.Min(qa.Count, qb.Count)).Select(s => Math.Min(1, s)).ToArray();
    }

    /// <summary>
    /// Mean squared principal cosine over the smaller of the two spans: 1 when one span contains the
    /// other, 0 when they are orthogonal.
    /// </summary>
    public static double SubspaceSimilarity(IReadOnlyList<double[,]> generators, IReadOnlyList<double[,]> reference)
    {
        var cosines = PrincipalCosines(generators, reference);
        int k = Math.Min(generators.Count, reference.Count);
        return k == 0 || cosines.Length == 0 ? 0 : cosines.Sum(c => c * c) / k;
    }

    internal static double[] Flatten(double[,] m)
    {
        var v = new double[m.Length];
        Buffer.BlockCopy(m, 0, v, 0, m.Length * sizeof(double));
        return v;
    }

    internal static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    /// <summary>Gram-Schmidt (twice, for stability) over flattened matrices; drops near-dependent ones.</summary>
    internal static List<double[]> Orthonormalise(IReadOnlyList<double[,]> matrices)
    {
        var basis = new List<double[]>();
        double scale = matrices.Count == 0 ? 0 : matrices.Max(DenseMatrix.Norm);
        foreach (var m in matrices)
        {
            var v = Flatten(m);
            for (int pass = 0; pass < 2; pass++)
                foreach (var q in basis)
                {
                    double d = Dot(v, q);
                    for (int i = 0; i < v.Length; i++) v[i] -= d * q[i];
                }
            double norm = Math.Sqrt(Dot(v, v));
            if (norm <= 1e-9 * Math.Max(scale, 1e-300)) continue;
            for (int i = 0; i < v.Length; i++) v[i] /= norm;
            basis.Add(v);
        }
        return basis;
    }
}
