namespace SymmetryExplorer.Compute.Algebra;

/// <summary>The symmetric form J a set of generators preserves (L_i^T J + J L_i = 0 for all i).</summary>
/// <param name="J">Unit Frobenius norm, sign chosen to agree with the reference (or to have more positive eigenvalues).</param>
/// <param name="Eigenvalues">Eigenvalues of J, ascending.</param>
/// <param name="Signature">Counts of positive, negative and (near-)zero eigenvalues, e.g. "(+3, -1)".</param>
/// <param name="CosineToReference">|cos(J, J_ref)| when a reference metric is known.</param>
/// <param name="Residual">Smallest singular value of the stacked map over the largest: 0 when J is exactly invariant.</param>
/// <param name="SingularValues">All singular values of the map, descending (a clear gap before the last means J is unique).</param>
public sealed record InvariantMetricResult(double[,] J, double[] Eigenvalues, string Signature, double? CosineToReference, double Residual, double[] SingularValues);

/// <summary>
/// Finds the invariant metric deterministically: the map J -> (L_i^T J + J L_i)_i restricted to
/// symmetric J (n(n+1)/2 unknowns) is stacked into a matrix; its right singular vector for the
/// smallest singular value is J.
/// </summary>
public static class InvariantMetric
{
    public static InvariantMetricResult Solve(IReadOnlyList<double[,]> generators, double[,]? referenceMetric = null)
    {
        if (generators.Count == 0) throw new ArgumentException("at least one generator is needed");
        int n = generators[0].GetLength(0);
        var basis = SymmetricBasis(n);
        int m = basis.Count;
        int rows = generators.Count * n * n;
        var map = new double[rows, m];
        for (int c = 0; c < m; c++)
        {
            int r = 0;
            foreach (var L in generators)
            {
                var image = DenseMatrix.Add(DenseMatrix.Multiply(DenseMatrix.Transpose(L), basis[c]), DenseMatrix.Multiply(basis[c], L));
                for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) map[r++, c] = image[i, j];
            }
        }
        var (values, vectors) = SymmetricEigen.Decompose(DenseMatrix.Multiply(DenseMatrix.Transpose(map), map));
        var singular = values.Select(v => Math.Sqrt(Math.Max(v, 0))).Reverse().ToArray();
        var J = new double[n, n];
        for (int c = 0; c < m; c++) J = DenseMatrix.Add(J, basis[c], vectors[c, 0]);
        double norm = DenseMatrix.Norm(J);
        if (norm > 0) J = DenseMatrix.Scale(J, 1 / norm);

        double? cosine = null;
        if (referenceMetric is not null)
        {
            double dot = DenseMatrix.Dot(J, referenceMetric);
            if (dot < 0) J = DenseMatrix.Scale(J, -1);
            cosine = AlgebraSimilarity.AbsCosine(J, referenceMetric);
        }
        var (eig, _) = SymmetricEigen.Decompose(J);
        if (referenceMetric is null && eig.Count(e => e > 0) < eig.Count(e => e < 0))
        {
            J = DenseMatrix.Scale(J, -1);
            eig = eig.Select(e => -e).Reverse().ToArray();
        }
        double residual = singular[0] > 0 ? singular[^1] / singular[0] : 0;
        return new InvariantMetricResult(J, eig, Signature(eig), cosine, residual, singular);
    }

    /// <summary>"(+p, -q)" or "(+p, -q, 0:z)" counting eigenvalues below 1e-3 of the largest as zero.</summary>
    public static string Signature(double[] eigenvalues)
    {
        double scale = eigenvalues.Length == 0 ? 0 : eigenvalues.Max(Math.Abs);
        double tol = 1e-3 * scale;
        int pos = eigenvalues.Count(e => e > tol), neg = eigenvalues.Count(e => e < -tol);
        int zero = eigenvalues.Length - pos - neg;
        return zero > 0 ? $"(+{pos}, -{neg}, 0:{zero})" : $"(+{pos}, -{neg})";
    }

    /// <summary>Orthonormal basis of symmetric n x n matrices (E_ii, and (E_ij + E_ji)/sqrt 2).</summary>
    private static List<double[,]> SymmetricBasis(int n)
    {
        var basis = new List<double[,]>();
        for (int i = 0; i < n; i++)
        for (int j = i; j < n; j++)
        {
            var b = new double[n, n];
            if (i == j) b[i, i] = 1;
            else b[i, j] = b[j, i] = 1 / Math.Sqrt(2);
            basis.Add(b);
        }
        return basis;
    }
}
