using SymmetryExplorer.Compute.Optim;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Tests.Optim;

public class AdamOptimizerTests
{
    /// <summary>A small least-squares problem: the same parameters trained by both optimisers.</summary>
    private static (Tensor W, Tensor X, Tensor Y) Problem()
    {
        var generator = new torch.Generator(7);
        return (randn(4, 3, generator: generator), randn(16, 4, generator: generator), randn(16, 3, generator: generator));
    }

    private static void Backward(Tensor w, Tensor x, Tensor y) => (matmul(x, w) - y).square().mean().backward();

    [Fact]
    public void Matches_TorchSharps_Adam_with_weight_decay_and_a_changing_learning_rate()
    {
        var (w0, x, y) = Problem();
        var ours = w0.clone().requires_grad_();
        var theirs = new TorchSharp.Modules.Parameter(w0.clone());
        using var adam = new AdamOptimizer([ours], 0.9, 0.999, 1e-8, weightDecay: 4e-4);
        var reference = optim.Adam([theirs], lr: 1e-2, weight_decay: 4e-4);
        double lr = 1e-2;
        for (int step = 0; step < 5; step++)
        {
            adam.ZeroGrad();
            Backward(ours, x, y);
            adam.Step(lr);
            reference.zero_grad();
            Backward(theirs, x, y);
            foreach (var group in reference.ParamGroups) group.LearningRate = lr;
            reference.step();
            lr *= 0.95;
        }
        Assert.True(allclose(ours, theirs, rtol: 1e-5, atol: 1e-6), "parameters differ from TorchSharp's Adam");
        Assert.False(allclose(ours, w0), "the optimiser did not move the parameters");
    }

    [Fact]
    public void A_learning_rate_scale_multiplies_only_its_parameters_step()
    {
        var (w0, x, y) = Problem();
        var plain = w0.clone().requires_grad_();
        var scaled = w0.clone().requires_grad_();
        var other = w0.clone().requires_grad_();
        using var reference = new AdamOptimizer([plain], 0.9, 0.999);
        using var grouped = new AdamOptimizer([scaled, other], 0.9, 0.999, learningRateScales: [10, 1]);
        Backward(plain, x, y);
        Backward(scaled, x, y);
        Backward(other, x, y);
        reference.Step(1e-3);
        grouped.Step(1e-3);
        // The same gradients, but ten times the step...
        Assert.True(allclose(scaled - w0, (plain - w0) * 10, rtol: 1e-4, atol: 1e-8), "the scaled parameter did not move ten times as far");
        // ...while a parameter with scale 1 in the same optimiser moves exactly as with no scales.
        Assert.True(allclose(other, plain, rtol: 0, atol: 0));
        Assert.Throws<ArgumentException>(() => new AdamOptimizer([scaled, other], 0.9, 0.999, learningRateScales: [2]));
    }

    [Fact]
    public void Saved_state_resumes_to_the_same_parameters_as_uninterrupted_training()
    {
        var (w0, x, y) = Problem();
        string path = Path.Combine(Path.GetTempPath(), $"adam-{Guid.NewGuid():N}.bin");
        try
        {
            var straight = w0.clone().requires_grad_();
            using var a = new AdamOptimizer([straight], 0.9, 0.999);
            for (int i = 0; i < 4; i++) { a.ZeroGrad(); Backward(straight, x, y); a.Step(1e-2); }

            var interrupted = w0.clone().requires_grad_();
            using (var b = new AdamOptimizer([interrupted], 0.9, 0.999))
            {
                for (int i = 0; i < 2; i++) { b.ZeroGrad(); Backward(interrupted, x, y); b.Step(1e-2); }
                b.Save(path);
            }
            using var c = new AdamOptimizer([interrupted], 0.9, 0.999);
            c.Load(path);
            Assert.Equal(2, c.Steps);
            for (int i = 0; i < 2; i++) { c.ZeroGrad(); Backward(interrupted, x, y); c.Step(1e-2); }

            Assert.True(straight.eq(interrupted).all().item<bool>(), "a resumed optimiser must continue bit-identically");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Loading_state_written_for_other_parameters_is_refused()
    {
        string path = Path.Combine(Path.GetTempPath(), $"adam-{Guid.NewGuid():N}.bin");
        try
        {
            using (var two = new AdamOptimizer([zeros(2), zeros(3)], 0.9, 0.999)) two.Save(path);
            using var one = new AdamOptimizer([zeros(2)], 0.9, 0.999);
            Assert.Throws<InvalidDataException>(() => one.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
