using SymmetryExplorer.Compute.Algebra;
using SymmetryExplorer.Compute.Data.Trajectories;

namespace SymmetryExplorer.Compute.Tests.Algebra;

/// <summary>The analysis on exact algebras, where the answers are known in closed form.</summary>
public class AlgebraAnalysisTests
{
    public AlgebraAnalysisTests() => TorchFixture.Ensure();

    [Fact]
    public void Invariant_metric_of_exact_so13_is_the_minkowski_metric_with_a_clean_null_space()
    {
        var so13 = ReferenceAlgebras.So13();

        var metric = InvariantMetric.Solve(so13.Generators, ReferenceAlgebras.Minkowski());

        Assert.Equal(1.0, metric.CosineToReference!.Value, 12);
        Assert.True(metric.Residual < 1e-12);
        Assert.Equal("(+3, -1)", metric.Signature);
        Assert.Equal(-0.5, metric.J[0, 0], 12);
        Assert.Equal(0.5, metric.J[2, 2], 12);
        // A clear gap: the next singular value is O(1) (2 sqrt 2 with this basis normalisation).
        Assert.Equal(2 * Math.Sqrt(2), metric.SingularValues[^2], 9);
    }

    [Fact]
    public void Invariant_metric_of_so3_is_euclidean_and_of_a_rotated_so13_basis_still_minkowski()
    {
        var so3 = InvariantMetric.Solve(ReferenceAlgebras.So3().Generators, DenseMatrix.Identity(3));
        Assert.Equal(1.0, so3.CosineToReference!.Value, 12);
        Assert.Equal("(+3, -0)", so3.Signature);

        // Any other basis of the same algebra (random combinations) must give the same metric.
        var rng = new Random(3);
        var gens = ReferenceAlgebras.So13().Generators;
        var mixed = Enumerable.Range(0, 6).Select(_ =>
            gens.Aggregate(new double[4, 4], (acc, g) => DenseMatrix.Add(acc, g, rng.NextDouble() * 2 - 1))).ToList();
        var metric = InvariantMetric.Solve(mixed, ReferenceAlgebras.Minkowski());
        Assert.True(metric.CosineToReference > 1 - 1e-10);
    }

    [Fact]
    public void Cosine_similarity_is_sign_and_scale_invariant()
    {
        var gt = ReferenceAlgebras.So2Blocks(8, TrajectoryLayout.TwoBody().VectorGroups).Generators[0];

        Assert.Equal(1.0, AlgebraSimilarity.AbsCosine(DenseMatrix.Scale(gt, -3.7), gt), 14);
        // Rotating only the positions: 2 of 4 blocks -> cos = 2 / (sqrt 2 * sqrt 8 / sqrt 2 ...) = 1/sqrt 2.
        var half = (double[,])gt.Clone();
        half[2, 3] = half[3, 2] = half[6, 7] = half[7, 6] = 0;
        Assert.Equal(1 / Math.Sqrt(2), AlgebraSimilarity.AbsCosine(half, gt), 14);
    }

    [Fact]
    public void Subspace_similarity_is_one_for_any_basis_of_the_same_span_and_drops_for_a_smaller_one()
    {
        var so3 = ReferenceAlgebras.So3().Generators;
        var other = new List<double[,]>
        {
            DenseMatrix.Add(so3[0], so3[1]),
            DenseMatrix.Add(so3[1], so3[2], -2),
            DenseMatrix.Add(so3[0], so3[2], 0.5),
        };

        Assert.Equal(1.0, AlgebraSimilarity.SubspaceSimilarity(other, so3), 12);
        Assert.Equal(1.0, AlgebraSimilarity.ChannelCosines(other, so3).Min(), 12);
        // so(2) inside so(3): contained, so similarity over the smaller span is 1 ...
        Assert.Equal(1.0, AlgebraSimilarity.SubspaceSimilarity([so3[2]], so3), 12);
        // ... while a symmetric matrix is orthogonal to every rotation generator.
        Assert.Equal(0.0, AlgebraSimilarity.SubspaceSimilarity([DenseMatrix.Identity(3)], so3), 12);
    }

    [Fact]
    public void Commutators_close_for_so3_and_so13_and_not_for_an_arbitrary_pair()
    {
        var so3 = ReferenceAlgebras.So3().Generators;
        var table = AlgebraStructure.Commutators(so3);
        Assert.True(table.ClosureResidual < 1e-12);
        Assert.Equal(Math.Sqrt(2), table.CommutatorNorms[0][1], 12); // [Lx, Ly] = Lz

        Assert.True(AlgebraStructure.Commutators(ReferenceAlgebras.So13().Generators).ClosureResidual < 1e-12);

        var a = new double[,] { { 0, 1, 0 }, { 0, 0, 0 }, { 0, 0, 0 } };
        var b = new double[,] { { 0, 0, 0 }, { 0, 0, 1 }, { 0, 0, 0 } };
        Assert.Equal(1.0, AlgebraStructure.Commutators([a, b]).ClosureResidual, 12); // [a, b] = E_13, outside span
    }

    [Fact]
    public void Eigenvalues_tell_rotations_from_boosts()
    {
        var rotation = AlgebraStructure.Describe(DenseMatrix.Scale(ReferenceAlgebras.J2, 2));
        Assert.Equal([-2.0, 2.0], rotation.EigenvaluesImaginary.Select(v => Math.Round(v, 10)));
        Assert.All(rotation.EigenvaluesReal, v => Assert.Equal(0, v, 10));
        Assert.Equal(0, rotation.SymmetricNorm, 12);

        var boost = AlgebraStructure.Describe(ReferenceAlgebras.So13().Generators[0]);
        Assert.Equal([-1.0, 0, 0, 1], boost.EigenvaluesReal.Order().Select(v => Math.Round(v, 10)));
        Assert.Equal(0, boost.SkewNorm, 12);
    }

    [Fact]
    public void On_data_fit_finds_the_scale_of_a_generator_that_equals_the_reference_only_on_the_data()
    {
        var groups = TrajectoryLayout.TwoBody().VectorGroups;
        var gt = ReferenceAlgebras.So2Blocks(8, groups).Generators[0];
        // On data with q2 = -q1 and p2 = -p1, a generator acting as -1.345 J on (q1, q2) through cross
        // terms (q2 -> q1 block) is the same vector field as -1.345 GT, though its cosine is poor.
        var L = new double[8, 8];
        double s = -1.345;
        foreach (var (a, b) in new[] { (0, 4), (2, 6), (4, 0), (6, 2) })
        {
            // (L x)_a = s J x_a via the partner block: x_b = -x_a, so use -s J on it.
            L[a, b + 1] = -s * 1;
            L[a + 1, b] = -s * -1;
        }
        var rng = new Random(5);
        var points = Enumerable.Range(0, 50).Select(_ =>
        {
            double qx = rng.NextDouble(), qy = rng.NextDouble(), px = rng.NextDouble(), py = rng.NextDouble();
            return new[] { qx, qy, px, py, -qx, -qy, -px, -py };
        }).ToList();

        var fit = OnDataEquivalence.Fit(L, [gt], points);

        Assert.True(AlgebraSimilarity.AbsCosine(L, gt) < 0.01, "the plain cosine misses it");
        Assert.Equal(s, fit.Coefficients[0], 10);
        Assert.True(fit.Residual < 1e-10);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Discrete_rotation_check_accepts_every_generator_of_C7(int k)
    {
        var lz = ReferenceAlgebras.RotationZ().Generators[0];
        // k * 2π/7 plus a full extra turn (exp only sees the angle mod 2π) and a 1 % error.
        double sector = 2 * Math.PI / 7;
        var result = DiscreteRotationCheck.Analyse(DenseMatrix.Scale(lz, k * sector + 2 * Math.PI + 0.01 * sector));

        Assert.Equal(k, result.NearestMultiple);
        Assert.Equal(0.01, result.RelativeError, 6);
        Assert.Equal(7, result.GeneratedOrder);
        Assert.True(result.Orthogonality < 1e-12);
        Assert.True(result.IsSymmetry());
        // Turning the other way, -k * 2π/7, generates the same group.
        var negative = DiscreteRotationCheck.Analyse(DenseMatrix.Scale(lz, -k * sector));
        Assert.Equal(7 - k, negative.NearestMultiple);
        Assert.True(negative.IsSymmetry());
    }

    [Fact]
    public void Discrete_rotation_check_rejects_half_the_angle_the_identity_another_axis_and_a_3_percent_error()
    {
        var lz = ReferenceAlgebras.RotationZ().Generators[0];
        double sector = 2 * Math.PI / 7;

        // π/7: exp(2L) is a C7 rotation, but exp(L) generates C14, whose odd powers are not symmetries.
        var half = DiscreteRotationCheck.Analyse(DenseMatrix.Scale(lz, sector / 2));
        Assert.Equal(14, half.GeneratedOrder);
        Assert.Equal(0.5, half.RelativeError, 9);
        Assert.False(half.IsSymmetry());

        var identity = DiscreteRotationCheck.Analyse(DenseMatrix.Scale(lz, 7 * sector));
        Assert.Equal(1, identity.GeneratedOrder);
        Assert.Equal(0, identity.NearestMultiple);
        Assert.False(identity.IsSymmetry());

        var off = DiscreteRotationCheck.Analyse(DenseMatrix.Scale(lz, 1.03 * sector));
        Assert.Equal(0.03, off.RelativeError, 6);
        Assert.False(off.IsSymmetry());

        // 2π/7 about x: the xy block of exp(L) says "no rotation" and the axis is wrong.
        var aboutX = new double[3, 3];
        aboutX[1, 2] = -sector;
        aboutX[2, 1] = sector;
        var x = DiscreteRotationCheck.Analyse(aboutX);
        Assert.True(x.AxisCosine < 1e-12);
        Assert.False(x.IsSymmetry());
    }

    [Fact]
    public void Matrix_exponential_matches_the_closed_form_rotation_and_boost()
    {
        var r = DenseMatrix.Exp(DenseMatrix.Scale(ReferenceAlgebras.J2, 0.7));
        Assert.Equal(Math.Cos(0.7), r[0, 0], 14);
        Assert.Equal(Math.Sin(0.7), r[0, 1], 14);
        var b = DenseMatrix.Exp(DenseMatrix.Scale(ReferenceAlgebras.So13().Generators[0], 1.3));
        Assert.Equal(Math.Cosh(1.3), b[0, 0], 12);
        Assert.Equal(Math.Sinh(1.3), b[0, 1], 12);
    }
}
