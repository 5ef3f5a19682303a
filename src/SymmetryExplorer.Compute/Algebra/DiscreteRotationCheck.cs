namespace SymmetryExplorer.Compute.Algebra;

/// <summary>How the discovered element g = exp(L) relates to the C_k rotations about z.</summary>
/// <param name="AxisCosine">|cos(L, L_z)|: 1 when L generates rotations about z only.</param>
/// <param name="Angle">Rotation angle of exp(L) in [0, 2π).</param>
/// <param name="NearestMultiple">k with k·2π/order nearest the angle (1..order-1; 0 means the identity).</param>
/// <param name="RelativeError">|angle - k·2π/order| / (2π/order): 0 is exact; the target is within 0.02.</param>
/// <param name="Orthogonality">|g^T g - I|: 0 for a rotation.</param>
public sealed record DiscreteRotationResult(double AxisCosine, double Angle, int NearestMultiple, double RelativeError, double Orthogonality)
{
    public bool IsSymmetry(double tolerance = 0.02) => NearestMultiple != 0 && RelativeError <= tolerance && AxisCosine >= 0.98;
}

/// <summary>
/// The discrete-rotation check: with integer coefficients z, LieGAN's elements are exp(z L), so the
/// discovered symmetry is g = exp(L). It should rotate about z by a multiple of 2π/7.
/// </summary>
public static class DiscreteRotationCheck
{
    public static DiscreteRotationResult Analyse(double[,] L, int order = 7)
    {
        var lz = ReferenceAlgebras.RotationZ().Generators[0];
        var g = DenseMatrix.Exp(L);
        // Angle from the xy block of g (robust to the scale of L and to windings past 2π).
        double angle = Math.Atan2(g[1, 0], g[0, 0]);
        if (angle < 0) angle += 2 * Math.PI;
        double sector = 2 * Math.PI / order;
        int k = (int)Math.Round(angle / sector) % order;
        double error = Math.Abs(angle - Math.Round(angle / sector) * sector) / sector;
        var gtg = DenseMatrix.Add(DenseMatrix.Multiply(DenseMatrix.Transpose(g), g), DenseMatrix.Identity(3), -1);
        return new DiscreteRotationResult(AlgebraSimilarity.AbsCosine(L, lz), angle, k, error, DenseMatrix.Norm(gtg));
    }
}
