using SymmetryExplorer.Compute.Algebra;
using SymmetryExplorer.Compute.Data.BuiltIn;
using SymmetryExplorer.Compute.Data.Trajectories;
using SymmetryExplorer.Compute.LieGan;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Tests.LieGan;

/// <summary>The downstream augmentation experiment: the notebook's g^-1 f(g x) formulation and the plumbing around it.</summary>
public class AugmentationTests
{
    public AugmentationTests() => TorchFixture.Ensure();

    [Fact]
    public void Augmented_prediction_is_g_inverse_times_f_of_g_x_and_for_a_rotation_fits_g_y()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        using var model = AugmentationExperiment.CreateModel(2 * 8, 3 * 8, 16);
        var x = randn(5, 2, 8);
        var y = randn(5, 3, 8);
        var gt = ReferenceAlgebras.So2Blocks(8, TrajectoryLayout.TwoBody(2, 3).VectorGroups).Generators[0];
        var z = tensor(new[] { 0.3f, -1.7f, 2.9f, 0f, 5.1f });
        var a = z.reshape(5, 1, 1) * tensor(AlgebraSimilarity.Flatten(gt), dtype: float32).reshape(1, 8, 8);
        var g = linalg.matrix_exp(a);
        var gInverse = linalg.matrix_exp(-a);

        var prediction = AugmentationExperiment.AugmentedPrediction(model, x, g, gInverse, 3);

        for (int b = 0; b < 5; b++)
        {
            var gb = DenseMatrix.Exp(DenseMatrix.Scale(gt, z[b].item<float>()));
            var gbT = tensor(AlgebraSimilarity.Flatten(gb), dtype: float32).reshape(8, 8);
            var fx = model.forward(matmul(x[b], gbT.t()).reshape(1, -1)).reshape(3, 8);
            var expected = matmul(fx, linalg.inv(gbT).t()).reshape(-1);
            Assert.True(allclose(prediction[b], expected, rtol: 1e-4, atol: 1e-5), $"sample {b}");
        }
        // g is a rotation, so comparing g^-1 f(g x) with y is comparing f(g x) with g y.
        var gy = LieAlgebraGenerator.Act(g, y).reshape(5, -1);
        var direct = nn.functional.mse_loss(model.forward(LieAlgebraGenerator.Act(g, x).reshape(5, -1)), gy);
        var notebook = nn.functional.mse_loss(prediction, y.reshape(5, -1));
        Assert.Equal(direct.item<float>(), notebook.item<float>(), 4);
    }

    [Fact]
    public void A_zero_generator_trains_exactly_like_no_symmetry_and_a_rotation_does_not()
    {
        using var threads = new SingleTorchThread();
        var generated = BuiltInTrajectoryDatasets.Generate("two-body", 0, new BuiltInOptions(12, 12));
        var layout = TrajectoryLayout.TwoBody(5, 5);
        var train = TrajectoryWindows.Build("train", generated.Train.Values, layout);
        var test = TrajectoryWindows.Build("test", generated.Test!.Values, layout);
        var config = new AugmentationConfig { Epochs = 1, BatchSize = 32 };
        var gt = ReferenceAlgebras.So2Blocks(8, layout.VectorGroups).Generators;

        var rows = AugmentationExperiment.Run(train, test,
            [new("none", null, 0), new("zero", [new double[8, 8]], config.Sigma), new("rotation", gt, config.Sigma)], config, seed: 2, CPU);

        // g = I: same model, same first shuffle, same steps (z draws come after the epoch's shuffle).
        Assert.Equal(rows[0].TestMse, rows[1].TestMse, 6);
        Assert.Equal(rows[0].TrainMse, rows[1].TrainMse, 6);
        Assert.NotEqual(rows[0].TrainMse, rows[2].TrainMse, 6);
        Assert.All(rows, r => Assert.True(double.IsFinite(r.TestMse) && r.TestMse > 0));
    }

    [Fact]
    public void Config_refuses_a_non_positive_sigma()
    {
        var ex = Assert.Throws<InvalidInputException>(() => new AugmentationConfig { Sigma = 0 }.Validate());
        Assert.Equal("sigma", ex.Field);
    }
}
