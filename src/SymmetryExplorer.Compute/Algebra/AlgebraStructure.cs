using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Algebra;

/// <summary>Structure of one generator: eigenvalues (imaginary parts: rotation; real: boost or scale), parts and size.</summary>
/// <param name="EigenvaluesReal">Real parts of the eigenvalues (sorted by imaginary then real part).</param>
/// <param name="EigenvaluesImaginary">Imaginary parts, matching <paramref name="EigenvaluesReal"/>.</param>
/// <param name="SkewNorm">|(L - L^T)/2|: the rotation-like part.</param>
/// <param name="SymmetricNorm">|(L + L^T)/2|: the boost/scale-like part.</param>
public sealed record GeneratorStructure(double[] EigenvaluesReal, double[] EigenvaluesImaginary, double SkewNorm, double SymmetricNorm, double Trace, double Norm);

/// <summary>Commutators of the discovered basis and how far they are from closing into an algebra.</summary>
/// <param name="CommutatorNorms">|[L_i, L_j]| for every pair (symmetric, zero diagonal).</param>
/// <param name="ClosureResiduals">For each pair, |[L_i, L_j] - projection onto span(L)| / |[L_i, L_j]| (0 when closed; 0 for commuting pairs).</param>
/// <param name="ClosureResidual">The largest of those over pairs whose commutator is not negligible.</param>
public sealed record CommutatorTable(double[][] CommutatorNorms, double[][] ClosureResiduals, double ClosureResidual);

public static class AlgebraStructure
{
    public static GeneratorStructure Describe(double[,] L)
    {
        int n = L.GetLength(0);
        var skew = DenseMatrix.Scale(DenseMatrix.Add(L, DenseMatrix.Transpose(L), -1), 0.5);
        var sym = DenseMatrix.Scale(DenseMatrix.Add(L, DenseMatrix.Transpose(L)), 0.5);
        var (re, im) = Eigenvalues(L);
        return new GeneratorStructure(re, im, DenseMatrix.Norm(skew), DenseMatrix.Norm(sym), DenseMatrix.Trace(L), DenseMatrix.Norm(L));
    }

    /// <summary>Eigenvalues of a real square matrix (libtorch's general eigensolver in float64).</summary>
    public static (double[] Real, double[] Imaginary) Eigenvalues(double[,] L)
    {
        int n = L.GetLength(0);
        using var scope = NewDisposeScope();
        var flat = AlgebraSimilarity.Flatten(L);
        var t = tensor(flat, dtype: float64).reshape(n, n);
        var ev = view_as_real(linalg.eigvals(t)).contiguous();
        var pairs = ev.data<double>().ToArray();
        var list = Enumerable.Range(0, n).Select(i => (Re: pairs[2 * i], Im: pairs[2 * i + 1]))
            .OrderBy(p => Math.Round(p.Im, 9)).ThenBy(p => p.Re).ToArray();
        return (list.Select(p => p.Re).ToArray(), list.Select(p => p.Im).ToArray());
    }

    public static CommutatorTable Commutators(IReadOnlyList<double[,]> generators)
    {
        int c = generators.Count;
        var norms = new double[c][];
        var residuals = new double[c][];
        var basis = AlgebraSimilarity.Orthonormalise(generators);
        double scale = generators.Count == 0 ? 0 : generators.Max(DenseMatrix.Norm);
        double worst = 0;
        for (int i = 0; i < c; i++)
        {
            norms[i] = new double[c];
            residuals[i] = new double[c];
        }
        for (int i = 0; i < c; i++)
        for (int j = i + 1; j < c; j++)
        {
            var bracket = AlgebraSimilarity.Flatten(DenseMatrix.Commutator(generators[i], generators[j]));
            double norm = Math.Sqrt(AlgebraSimilarity.Dot(bracket, bracket));
            var rest = (double[])bracket.Clone();
            foreach (var q in basis)
            {
                double d = AlgebraSimilarity.Dot(rest, q);
                for (int k = 0; k < rest.Length; k++) rest[k] -= d * q[k];
            }
            double residual = norm > 0 ? Math.Sqrt(AlgebraSimilarity.Dot(rest, rest)) / norm : 0;
            norms[i][j] = norms[j][i] = norm;
            residuals[i][j] = residuals[j][i] = residual;
            // Only brackets of a size comparable to the generators say anything about closure.
            if (norm > 1e-6 * scale * scale) worst = Math.Max(worst, residual);
        }
        return new CommutatorTable(norms, residuals, worst);
    }
}
