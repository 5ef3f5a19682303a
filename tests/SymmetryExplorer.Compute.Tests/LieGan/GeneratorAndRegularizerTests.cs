using SymmetryExplorer.Compute.Algebra;
using SymmetryExplorer.Compute.Data.Trajectories;
using SymmetryExplorer.Compute.LieGan;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Tests.LieGan;

public class GeneratorAndRegularizerTests
{
    public GeneratorAndRegularizerTests() => TorchFixture.Ensure();

    private static double[,] ToMatrix(Tensor t)
    {
        int r = (int)t.shape[0], c = (int)t.shape[1];
        var v = t.to(float64).contiguous().data<double>().ToArray();
        var m = new double[r, c];
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) m[i, j] = v[i * c + j];
        return m;
    }

    [Fact]
    public void Group_action_equals_an_explicit_float64_matrix_exponential_times_each_frame()
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        var config = new LieGanConfig { Init = "random", Channels = 3, Sigma = 0.7 };
        using var g = new LieAlgebraGenerator(config, 5, mask: null);
        using var rng = new TorchSharp.torch.Generator(5);
        var z = g.SampleCoefficients(4, rng, CPU);
        var x = randn(4, 3, 5);

        var gx = LieAlgebraGenerator.Act(g.GroupElements(z), x);

        var L = g.EffectiveL().detach();
        for (int b = 0; b < 4; b++)
        {
            var algebra = new double[5, 5];
            for (int c = 0; c < 3; c++) algebra = DenseMatrix.Add(algebra, ToMatrix(L[c]), z[b, c].item<float>());
            var expected = DenseMatrix.Exp(algebra);
            for (int t = 0; t < 3; t++)
            {
                var frame = x[b, t].to(float64).data<double>().ToArray();
                var want = DenseMatrix.Apply(expected, frame);
                var got = gx[b, t].to(float64).data<double>().ToArray();
                for (int k = 0; k < 5; k++) Assert.Equal(want[k], got[k], 4);
            }
        }
    }

    [Fact]
    public void Block_masks_follow_the_layout_and_masked_entries_never_matter()
    {
        var groups = TrajectoryLayout.TwoBody().VectorGroups;
        var block2 = GeneratorMasks.For(new LieGanConfig { Init = "block2x2" }, 8, groups)!;
        var block4 = GeneratorMasks.For(new LieGanConfig { Init = "block4x4" }, 8, groups)!;

        Assert.Equal(16, block2.Cast<double>().Sum());
        Assert.Equal(1, block2[6, 7]);
        Assert.Equal(0, block2[0, 2]);
        // block4x4 couples q1 with q2 (features 0,1,4,5) and p1 with p2 (2,3,6,7), as the reference's mask.
        Assert.Equal(32, block4.Cast<double>().Sum());
        Assert.Equal(1, block4[0, 5]);
        Assert.Equal(1, block4[2, 7]);
        Assert.Equal(0, block4[0, 2]);

        using var scope = NewDisposeScope();
        using var g = new LieAlgebraGenerator(new LieGanConfig { Init = "block2x2" }, 8, block2);
        using (no_grad()) g.L[0, 0, 5].fill_(123f);
        Assert.Equal(0f, g.EffectiveL()[0, 0, 5].item<float>());
    }

    [Fact]
    public void Coefficient_distributions_have_their_ranges()
    {
        using var scope = NewDisposeScope();
        using var rng = new TorchSharp.torch.Generator(1);
        using var grid = new LieAlgebraGenerator(new LieGanConfig { Init = "zero", CoefficientDistribution = "uniform_int_grid", UniformMax = 10 }, 3, null);
        var z = grid.SampleCoefficients(5000, rng, CPU);
        Assert.Equal(-10f, z.min().item<float>());
        Assert.Equal(9f, z.max().item<float>());
        Assert.True(z.eq(z.round()).all().item<bool>());

        using var nonzero = new LieAlgebraGenerator(new LieGanConfig { Init = "zero", CoefficientDistribution = "nonzero_int_grid", UniformMax = 2 }, 3, null);
        var values = nonzero.SampleCoefficients(5000, rng, CPU).flatten().data<float>().ToArray();
        Assert.Equal([-2f, -1f, 1f, 2f], values.Distinct().Order());
        Assert.All(values.CountBy(v => v), pair => Assert.InRange(pair.Value, 1100, 1400)); // 1250 each

        using var uniform = new LieAlgebraGenerator(new LieGanConfig { Init = "zero", CoefficientDistribution = "uniform", UniformMax = 2 }, 3, null);
        var u = uniform.SampleCoefficients(5000, rng, CPU);
        Assert.InRange(u.min().item<float>(), -2f, -1.9f);
        Assert.InRange(u.max().item<float>(), 1.9f, 2f);

        using var normal = new LieAlgebraGenerator(new LieGanConfig { Init = "zero", Sigma = 3 }, 3, null);
        Assert.InRange(normal.SampleCoefficients(20000, rng, CPU).std().item<float>(), 2.9f, 3.1f);
    }

    [Fact]
    public void An_integer_grid_leaves_out_zero_from_its_switch_epoch_with_the_same_draws()
    {
        using var scope = NewDisposeScope();
        var config = new LieGanConfig { Init = "zero", CoefficientDistribution = "uniform_int_grid", UniformMax = 1, NonzeroCoefficientsFromEpoch = 2 };
        using var g = new LieAlgebraGenerator(config.Validate(), 3, null);
        using var early = new TorchSharp.torch.Generator(5);
        using var late = new TorchSharp.torch.Generator(5);
        var before = g.SampleCoefficients(2000, early, CPU, epochPosition: 1.5).flatten().data<float>().ToArray();
        var after = g.SampleCoefficients(2000, late, CPU, epochPosition: 2).flatten().data<float>().ToArray();

        Assert.Equal([-1f, 0f], before.Distinct().Order());
        Assert.Equal([-1f, 1f], after.Distinct().Order());
        // The same draw, shifted past 0: the random stream does not depend on the switch.
        Assert.Equal(before.Select(v => v >= 0 ? v + 1 : v), after);
        Assert.Equal("nonzero_coefficients_from_epoch",
            Assert.Throws<InvalidInputException>(() => (config with { CoefficientDistribution = "normal" }).Validate()).Field);
    }

    [Fact]
    public void Random_init_with_an_init_scale_uses_that_scale_instead_of_kaiming()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var g = new LieAlgebraGenerator(new LieGanConfig { Init = "random", InitScale = 0.05, Channels = 64 }, 8, null);
        Assert.InRange(g.L.std().item<float>(), 0.047f, 0.053f);
    }

    [Fact]
    public void Random_init_has_kaiming_scale_and_normalised_L_has_unit_rms_entries()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var g = new LieAlgebraGenerator(new LieGanConfig { Init = "random", Channels = 64 }, 8, null);
        // Kaiming normal on (C, n, n): std sqrt(2 / n^2) = 0.177 for n = 8.
        Assert.InRange(g.L.std().item<float>(), 0.165f, 0.19f);
        var normalised = g.NormalizedL();
        var rms = (normalised * normalised).sum([1, 2]).div(8).sqrt();
        Assert.True(allclose(rms, ones_like(rms), atol: 1e-4));
    }

    [Fact]
    public void Cosine_regulariser_matches_a_hand_computed_value()
    {
        using var scope = NewDisposeScope();
        // Two samples, one frame each: cos((1,0),(0,1)) = 0 and cos((1,1),(2,2)) = 1; mean 0.5.
        var x = tensor(new float[] { 1, 0, 1, 1 }).reshape(2, 1, 2);
        var gx = tensor(new float[] { 0, 1, 2, 2 }).reshape(2, 1, 2);
        Assert.Equal(0.5f, LieGanRegularizers.Cosine(gx, x).item<float>(), 6);
        // abs of the mean: cos = -1 and 0 -> |-0.5| = 0.5.
        var gx2 = tensor(new float[] { -1, 0, 1, -1 }).reshape(2, 1, 2);
        Assert.Equal(0.5f, LieGanRegularizers.Cosine(gx2, x).item<float>(), 6);
    }

    [Fact]
    public void Cosine_regulariser_with_a_margin_stops_pulling_below_the_margin()
    {
        using var scope = NewDisposeScope();
        // Mean cosine 0.5 (the hand case above): 0.1 above a margin of 0.4, nothing below a margin of 0.6.
        var x = tensor(new float[] { 1, 0, 1, 1 }).reshape(2, 1, 2);
        var gx = tensor(new float[] { 0, 1, 2, 2 }, requires_grad: true);
        var above = LieGanRegularizers.CosineAboveMargin(gx.reshape(2, 1, 2), x, 0.4);
        Assert.Equal(0.1f, above.item<float>(), 6);
        var below = LieGanRegularizers.CosineAboveMargin(gx.reshape(2, 1, 2), x, 0.6);
        Assert.Equal(0f, below.item<float>());
        // Below the margin the term has no gradient at all: it no longer pulls g anywhere.
        var grad = autograd.grad([below], [gx], allow_unused: true)[0];
        Assert.True(grad is null || grad.abs().max().item<float>() == 0);
    }

    [Fact]
    public void A_cosine_margin_is_a_mean_cosine_and_needs_the_cosine_regulariser()
    {
        var config = LieGanPresets.Get("discrete-rotation").Config;
        Assert.Equal("cosine_margin", Assert.Throws<InvalidInputException>(() => (config with { CosineMargin = 1 }).Validate()).Field);
        Assert.Equal("cosine_margin", Assert.Throws<InvalidInputException>(() => (config with { CosineMargin = -0.1 }).Validate()).Field);
        Assert.Equal("cosine_margin", Assert.Throws<InvalidInputException>(() => (config with { CosineMargin = 0.9, Regularizer = "li_norm" }).Validate()).Field);
        (config with { CosineMargin = 0.9 }).Validate();
    }

    [Fact]
    public void R1_penalty_is_the_mean_squared_input_gradient_and_reaches_the_weights()
    {
        using var scope = NewDisposeScope();
        // logit(x, y) = w . flatten(x) + v * y^2: input gradient (w, 2 v y), so |grad|^2 = |w|^2 + 4 v^2 y^2.
        var w = tensor(new float[] { 1, -2, 3 }, requires_grad: true);
        var v = tensor(0.5f, requires_grad: true);
        Tensor Logit(Tensor x, Tensor y) => (x.reshape(x.shape[0], -1) * w).sum(1) + v * y.reshape(y.shape[0]).square();
        var x = tensor(new float[] { 0.3f, 0.1f, -1, 2, 5, 7 }).reshape(2, 1, 3);
        var y = tensor(new float[] { 1, 2 }).reshape(2, 1, 1);
        var r1 = LieGanRegularizers.R1(Logit, x, y);
        // |w|^2 = 14; 4 v^2 y^2 = 1 and 4: mean 14 + 2.5.
        Assert.Equal(16.5f, r1.item<float>(), 4);
        // d r1 / d w = 2 w and d r1 / d v = mean(8 v y^2) = 10: the penalty trains the discriminator.
        var grads = autograd.grad([r1], [w, v]);
        Assert.True(allclose(grads[0], 2 * w.detach(), atol: 1e-5));
        Assert.Equal(10f, grads[1].item<float>(), 4);
        // Integer class labels are not differentiated by: only x counts.
        var labels = tensor(new long[] { 0, 1 });
        Assert.Equal(14f, LieGanRegularizers.R1((xx, _) => (xx.reshape(2, -1) * w).sum(1), x, labels).item<float>(), 4);
    }

    [Fact]
    public void Relative_difference_and_norm_regularisers_are_capped_negatives()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new float[] { 1, 2, 4, 8 }).reshape(1, 2, 2);
        var gx = tensor(new float[] { 1.5f, 2, 4, 4 }).reshape(1, 2, 2);
        // |(gx - x) / x| = 0.5, 0, 0, 0.5 -> mean 0.25.
        Assert.Equal(-0.25f, LieGanRegularizers.RelativeDifference(gx, x).item<float>(), 6);
        Assert.Equal(-1f, LieGanRegularizers.RelativeDifference(gx * 100, x).item<float>(), 6);

        var L = tensor(new float[] { 3, 0, 0, 4 }).reshape(1, 2, 2);
        Assert.Equal(-2f, LieGanRegularizers.LNorm(L, n: 2, channels: 1).item<float>(), 6); // min(5, 2)
        Assert.Equal(-5f, LieGanRegularizers.LNorm(L, n: 8, channels: 1).item<float>(), 6);
        Assert.Equal(5f, LieGanRegularizers.Sparsity(L, 2).item<float>(), 5);
        Assert.Equal(7f, LieGanRegularizers.Sparsity(L, 1).item<float>(), 5);
    }

    [Fact]
    public void Channel_orthogonality_sums_absolute_off_diagonal_inner_products()
    {
        using var scope = NewDisposeScope();
        // Unit-norm channels a, b, c with <a,b> = 0.6, <a,c> = 0, <b,c> = -0.8.
        var a = tensor(new float[] { 1, 0, 0, 0 });
        var b = tensor(new float[] { 0.6f, 0.8f, 0, 0 });
        var c = tensor(new float[] { 0, -1, 0, 0 });
        var L = stack([a, b, c]).reshape(3, 2, 2);
        Assert.Equal(1.4f, LieGanRegularizers.ChannelOrthogonality(L).item<float>(), 5);
        Assert.Equal(0f, LieGanRegularizers.ChannelOrthogonality(L.narrow(0, 0, 1)).item<float>());
    }

    [Fact]
    public void Discriminator_takes_flattened_pairs_or_label_embeddings()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var vector = new LieDiscriminator(xWidth: 16, yWidth: 8, classCount: 0, hidden: 512, embeddingSize: 32);
        var p = vector.forward(randn(5, 2, 8), randn(5, 1, 8));
        Assert.Equal([5L, 1], p.shape);
        Assert.True(p.gt(0).all().item<bool>() && p.lt(1).all().item<bool>());
        // Parameter count: (24 * 512 + 512) + (512 * 512 + 512) + (512 + 1).
        Assert.Equal(24 * 512 + 512 + 512 * 512 + 512 + 513, vector.parameters().Sum(t => t.numel()));

        using var labelled = new LieDiscriminator(xWidth: 8, yWidth: 0, classCount: 2, hidden: 512, embeddingSize: 32);
        var q = labelled.forward(randn(5, 2, 4), tensor(new long[] { 0, 1, 1, 0, 1 }));
        Assert.Equal([5L, 1], q.shape);
        Assert.Equal(40 * 512 + 512 + 512 * 512 + 512 + 513 + 2 * 32, labelled.parameters().Sum(t => t.numel()));
    }
}
