using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Tests.Runtime;

/// <summary>
/// LieGAN's group elements are batched matrix exponentials with gradients flowing into the
/// generator. These tests pin libtorch's matrix_exp against analytic answers and a float64
/// reference, so the engine can rely on it.
/// </summary>
public class MatrixExpTests
{
    public MatrixExpTests() => TorchFixture.Ensure();

    [Fact]
    public void Exp_of_a_scaled_rotation_generator_is_the_rotation_matrix_for_a_whole_batch()
    {
        using var scope = NewDisposeScope();
        var angles = tensor(new[] { -2.5, -0.3, 0.0, 0.7, 1.9, 3.1 }, dtype: float32);
        var J = tensor(new float[,] { { 0, -1 }, { 1, 0 } });
        var A = angles.view(-1, 1, 1) * J;                   // (B, 2, 2)

        var g = linalg.matrix_exp(A);

        var c = cos(angles); var s = sin(angles);
        var expected = stack([stack([c, -s], 1), stack([s, c], 1)], 1);
        Assert.True(allclose(g, expected, rtol: 1e-5, atol: 1e-6), "exp(theta J) must be R(theta)");
    }

    [Fact]
    public void Gradient_through_batched_matrix_exp_matches_a_float64_finite_difference()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        // A random 4x4 generator L and per-sample coefficients z, as in LieGAN: g_b = exp(z_b L).
        var L64 = randn(4, 4, dtype: float64) * 0.5;
        var z64 = randn(5, dtype: float64);
        var x64 = randn(5, 4, dtype: float64);
        var w64 = randn(5, 4, dtype: float64);

        // Objective f(L) = sum_b w_b . (exp(z_b L) x_b), differentiated by autograd in float32.
        var L = L64.to(float32).detach().requires_grad_(true);
        var gx = matmul(linalg.matrix_exp(z64.to(float32).view(-1, 1, 1) * L), x64.to(float32).unsqueeze(-1)).squeeze(-1);
        (gx * w64.to(float32)).sum().backward();
        var autograd = L.grad!.to(float64);

        // Independent reference: central finite differences in float64.
        double Objective(Tensor l) =>
            (matmul(linalg.matrix_exp(z64.view(-1, 1, 1) * l), x64.unsqueeze(-1)).squeeze(-1) * w64).sum().item<double>();
        var numeric = zeros(4, 4, dtype: float64);
        const double h = 1e-6;
        for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
        {
            var e = zeros(4, 4, dtype: float64); e[i, j] = tensor(h, dtype: float64);
            numeric[i, j] = tensor((Objective(L64 + e) - Objective(L64 - e)) / (2 * h), dtype: float64);
        }

        double relErr = ((autograd - numeric).norm() / numeric.norm()).item<double>();
        Assert.True(relErr < 1e-4, $"relative gradient error {relErr:E2} should be < 1e-4");
    }

    [Fact]
    public void Exp_of_an_so3_generator_is_orthogonal_with_unit_determinant()
    {
        using var scope = NewDisposeScope();
        var Lz = tensor(new double[,] { { 0, -1, 0 }, { 1, 0, 0 }, { 0, 0, 0 } });
        var Lx = tensor(new double[,] { { 0, 0, 0 }, { 0, 0, -1 }, { 0, 1, 0 } });
        var g = linalg.matrix_exp(0.8 * Lz + 1.3 * Lx);
        var gtg = matmul(g.mT, g);
        Assert.True(allclose(gtg, eye(3, dtype: float64), atol: 1e-12));
        Assert.Equal(1.0, linalg.det(g).item<double>(), 12);
    }
}
