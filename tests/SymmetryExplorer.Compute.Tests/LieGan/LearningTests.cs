using SymmetryExplorer.Compute.Data.Trajectories;
using SymmetryExplorer.Compute.Jobs;
using SymmetryExplorer.Compute.LieGan;
using SymmetryExplorer.Compute.Tests.Data;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Tests.LieGan;

/// <summary>End to end: LieGAN must find so(2) on two-body data, not just run.</summary>
public class LearningTests
{
    public LearningTests() => TorchFixture.Ensure();

    [Fact]
    public void Discovers_so2_on_a_small_two_body_set()
    {
        // 200 real trajectories (3,600 pairs, 57 batches an epoch), the fast preset's peak learning
        // rates held constant (its schedule is in epochs of 229 batches) and a narrower discriminator
        // (128 instead of 512) so that ~700 steps take seconds.
        var data = TrajectoryFiles.Load(RealTwoBodyFileTests.TrainPath, TrajectoryLayout.TwoBody()).Take(3600);
        var config = LieGanPresets.Get("two-body").Config with
        {
            Epochs = 12, CheckpointEvery = 0, HiddenWidth = 128, GeneratorLearningRate = 1e-2, DiscriminatorLearningRate = 2e-3,
        };
        using var tmp = new TempFiles();
        using var threads = new SingleTorchThread();
        var sink = new RecordingJobSink();

        var result = new LieGanJob(config, data, seed: 2).Run(new JobContext(CPU, tmp.Root, sink, CancellationToken.None));

        var cosines = sink.MetricsReports.Select(m => m.Values["cosine_0"]).ToList();
        string curve = string.Join(", ", cosines.Select(c => c.ToString("0.000")));
        Assert.True(cosines[^1] >= 0.95, $"|cos| to so(2) by epoch: {curve}");
        Assert.True(cosines[0] < 0.9, "the run must start away from the answer for the test to mean anything");
        var doc = (LieGanResultDocument)result.Document;
        // The discovered generator is mostly a rotation (its skew part dominates), and on the data it
        // moves points like a multiple of the ground truth.
        var structure = doc.Structure[0];
        Assert.True(structure.SymmetricNorm < 0.35 * structure.SkewNorm, $"symmetric {structure.SymmetricNorm:0.000} vs skew {structure.SkewNorm:0.000}; cos {curve}");
        var onData = doc.Reference!.OnData![0];
        Assert.True(onData.Residual < 0.35, $"on-data residual {onData.Residual:0.000} (scale {onData.Coefficients[0]:0.000}); cos {curve}");
    }
}
