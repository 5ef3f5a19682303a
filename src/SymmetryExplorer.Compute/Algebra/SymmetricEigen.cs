namespace SymmetryExplorer.Compute.Algebra;

/// <summary>
/// Eigen-decomposition of a real symmetric matrix by cyclic Jacobi rotations: slow for large n but
/// exact to rounding for the small matrices here (n ≤ a few hundred), dependency-free and deterministic.
/// </summary>
public static class SymmetricEigen
{
    /// <returns>Eigenvalues ascending and the matching unit eigenvectors as columns of Vectors.</returns>
    public static (double[] Values, double[,] Vectors) Decompose(double[,] symmetric)
    {
        int n = symmetric.GetLength(0);
        var a = (double[,])symmetric.Clone();
        var v = DenseMatrix.Identity(n);
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0, total = 0;
            for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                total += a[i, j] * a[i, j];
                if (i != j) off += a[i, j] * a[i, j];
            }
            if (off <= 1e-30 * Math.Max(total, 1e-300)) break;
            for (int p = 0; p < n - 1; p++)
            for (int q = p + 1; q < n; q++)
            {
                if (Math.Abs(a[p, q]) < 1e-300) continue;
                double theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                double t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                if (theta == 0) t = 1;
                double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
                for (int k = 0; k < n; k++)
                {
                    double akp = a[k, p], akq = a[k, q];
                    a[k, p] = c * akp - s * akq;
                    a[k, q] = s * akp + c * akq;
                }
                for (int k = 0; k < n; k++)
                {
                    double apk = a[p, k], aqk = a[q, k];
                    a[p, k] = c * apk - s * aqk;
                    a[q, k] = s * apk + c * aqk;
                }
                for (int k = 0; k < n; k++)
                {
                    double vkp = v[k, p], vkq = v[k, q];
                    v[k, p] = c * vkp - s * vkq;
                    v[k, q] = s * vkp + c * vkq;
                }
            }
        }
        var order = Enumerable.Range(0, n).OrderBy(i => a[i, i]).ToArray();
        var values = order.Select(i => a[i, i]).ToArray();
        var vectors = new double[n, n];
        for (int c = 0; c < n; c++)
        for (int r = 0; r < n; r++) vectors[r, c] = v[r, order[c]];
        return (values, vectors);
    }

    /// <summary>Singular values (descending) of an m x k matrix, via the eigenvalues of A^T A.</summary>
    public static double[] SingularValues(double[,] a)
    {
        var (values, _) = Decompose(DenseMatrix.Multiply(DenseMatrix.Transpose(a), a));
        return values.Select(v => Math.Sqrt(Math.Max(v, 0))).Reverse().ToArray();
    }
}
