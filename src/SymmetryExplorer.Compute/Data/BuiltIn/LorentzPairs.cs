using SymmetryExplorer.Compute.Algebra;
using SymmetryExplorer.Compute.Data.Files;

namespace SymmetryExplorer.Compute.Data.BuiltIn;

/// <summary>
/// A stand-in for the top-tagging set (which cannot be downloaded here): two-particle systems whose
/// label depends only on Lorentz invariants. Signal: a parent of fixed mass decaying to two massless
/// particles; background: the same with a broad low-mass spectrum. Each system is then moved by a
/// Haar-random rotation times exp(sum z_i K_i) over the six so(1,3) generators, so the data are
/// exactly rotation-invariant and approximately boost-invariant, as jets are.
/// </summary>
internal static class LorentzPairs
{
    public const double SignalMass = 1.0;

    public static (NdArray Momenta, NdArray Labels) Generate(int count, int seed, double boostSigma = 0.6)
    {
        var rng = new SeededRandom(seed);
        var so13 = ReferenceAlgebras.So13().Generators;
        var momenta = new double[(long)count * 8];
        var labels = new double[count];
        for (int i = 0; i < count; i++)
        {
            int label = i % 2;
            double mass = label == 1 ? SignalMass : 0.05 + 0.35 * Math.Abs(rng.Normal());
            // Rest frame: two massless daughters back to back along z.
            double[] p1 = [mass / 2, 0, 0, mass / 2];
            double[] p2 = [mass / 2, 0, 0, -mass / 2];
            var generator = new double[4, 4];
            for (int a = 0; a < 3; a++) generator = DenseMatrix.Add(generator, so13[a], boostSigma * rng.Normal());
            var lambda = DenseMatrix.Multiply(RandomRotation(rng), DenseMatrix.Exp(generator));
            var q1 = DenseMatrix.Apply(lambda, p1);
            var q2 = DenseMatrix.Apply(lambda, p2);
            Array.Copy(q1, 0, momenta, (long)i * 8, 4);
            Array.Copy(q2, 0, momenta, (long)i * 8 + 4, 4);
            labels[i] = label;
        }
        return (new NdArray(momenta, [count, 2, 4]), new NdArray(labels, [count]));
    }

    /// <summary>A uniformly random spatial rotation (Haar measure, via a random unit quaternion) embedded in 4x4.</summary>
    private static double[,] RandomRotation(SeededRandom rng)
    {
        double w = rng.Normal(), x = rng.Normal(), y = rng.Normal(), z = rng.Normal();
        double norm = Math.Sqrt(w * w + x * x + y * y + z * z);
        w /= norm; x /= norm; y /= norm; z /= norm;
        var r = DenseMatrix.Identity(4);
        r[1, 1] = 1 - 2 * (y * y + z * z); r[1, 2] = 2 * (x * y - z * w); r[1, 3] = 2 * (x * z + y * w);
        r[2, 1] = 2 * (x * y + z * w); r[2, 2] = 1 - 2 * (x * x + z * z); r[2, 3] = 2 * (y * z - x * w);
        r[3, 1] = 2 * (x * z - y * w); r[3, 2] = 2 * (y * z + x * w); r[3, 3] = 1 - 2 * (x * x + y * y);
        return r;
    }
}
