namespace SymmetryExplorer.Compute.Algebra;

/// <summary>Small dense double matrices (n ≤ ~16) for analysis and data generation: plain loops, no torch.</summary>
public static class DenseMatrix
{
    public static double[,] Zeros(int n) => new double[n, n];

    public static double[,] Identity(int n)
    {
        var m = new double[n, n];
        for (int i = 0; i < n; i++) m[i, i] = 1;
        return m;
    }

    public static double[,] Multiply(double[,] a, double[,] b)
    {
        int n = a.GetLength(0), k = a.GetLength(1), m = b.GetLength(1);
        if (b.GetLength(0) != k) throw new ArgumentException("inner dimensions differ");
        var c = new double[n, m];
        for (int i = 0; i < n; i++)
        for (int p = 0; p < k; p++)
        {
            double aip = a[i, p];
            if (aip == 0) continue;
            for (int j = 0; j < m; j++) c[i, j] += aip * b[p, j];
        }
        return c;
    }

    public static double[] Apply(double[,] a, ReadOnlySpan<double> x)
    {
        int n = a.GetLength(0), m = a.GetLength(1);
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < m; j++) s += a[i, j] * x[j];
            y[i] = s;
        }
        return y;
    }

    public static double[,] Add(double[,] a, double[,] b, double scaleB = 1)
    {
        var c = (double[,])a.Clone();
        for (int i = 0; i < a.GetLength(0); i++)
        for (int j = 0; j < a.GetLength(1); j++) c[i, j] += scaleB * b[i, j];
        return c;
    }

    public static double[,] Scale(double[,] a, double s)
    {
        var c = (double[,])a.Clone();
        for (int i = 0; i < a.GetLength(0); i++)
        for (int j = 0; j < a.GetLength(1); j++) c[i, j] *= s;
        return c;
    }

    public static double[,] Transpose(double[,] a)
    {
        var t = new double[a.GetLength(1), a.GetLength(0)];
        for (int i = 0; i < a.GetLength(0); i++)
        for (int j = 0; j < a.GetLength(1); j++) t[j, i] = a[i, j];
        return t;
    }

    /// <summary>Frobenius inner product tr(A^T B).</summary>
    public static double Dot(double[,] a, double[,] b)
    {
        double s = 0;
        for (int i = 0; i < a.GetLength(0); i++)
        for (int j = 0; j < a.GetLength(1); j++) s += a[i, j] * b[i, j];
        return s;
    }

    public static double Norm(double[,] a) => Math.Sqrt(Dot(a, a));

    public static double Trace(double[,] a)
    {
        double s = 0;
        for (int i = 0; i < Math.Min(a.GetLength(0), a.GetLength(1)); i++) s += a[i, i];
        return s;
    }

    /// <summary>[A, B] = AB - BA.</summary>
    public static double[,] Commutator(double[,] a, double[,] b) => Add(Multiply(a, b), Multiply(b, a), -1);

    /// <summary>Matrix exponential by scaling and squaring with a Taylor series (accurate to ~1e-15 for small n).</summary>
    public static double[,] Exp(double[,] a)
    {
        int n = a.GetLength(0);
        double norm = Norm(a);
        int squarings = norm > 0.5 ? (int)Math.Ceiling(Math.Log2(norm / 0.5)) : 0;
        var scaled = Scale(a, Math.Pow(2, -squarings));
        var result = Identity(n);
        var term = Identity(n);
        for (int k = 1; k <= 20; k++)
        {
            term = Scale(Multiply(term, scaled), 1.0 / k);
            result = Add(result, term);
        }
        for (int s = 0; s < squarings; s++) result = Multiply(result, result);
        return result;
    }

    public static double[,] BlockDiagonal(IReadOnlyList<double[,]> blocks)
    {
        int n = blocks.Sum(b => b.GetLength(0));
        var m = new double[n, n];
        int offset = 0;
        foreach (var b in blocks)
        {
            for (int i = 0; i < b.GetLength(0); i++)
            for (int j = 0; j < b.GetLength(1); j++) m[offset + i, offset + j] = b[i, j];
            offset += b.GetLength(0);
        }
        return m;
    }

    /// <summary>Rows as jagged arrays, for JSON.</summary>
    public static double[][] ToJagged(double[,] a) =>
        Enumerable.Range(0, a.GetLength(0)).Select(i => Enumerable.Range(0, a.GetLength(1)).Select(j => a[i, j]).ToArray()).ToArray();

    public static double[,] FromJagged(double[][] rows)
    {
        int n = rows.Length, m = n == 0 ? 0 : rows[0].Length;
        var a = new double[n, m];
        for (int i = 0; i < n; i++)
        {
            if (rows[i].Length != m) throw new InvalidInputException($"matrix row {i} has {rows[i].Length} entries, expected {m}.", "generators");
            for (int j = 0; j < m; j++) a[i, j] = rows[i][j];
        }
        return a;
    }
}
