using SymmetryExplorer.Compute.Jobs;
using SymmetryExplorer.Compute.LieGan;
using SymmetryExplorer.Compute.Tests.Data;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Tests.LieGan;

/// <summary>collapse_restarts: a run whose L has shrunk to the identity starts over from a derived seed.</summary>
public class CollapseRestartTests
{
    public CollapseRestartTests() => TorchFixture.Ensure();

    private static LieGanConfig Small(int epochs) => LieGanPresets.Get("two-body").Config with { Epochs = epochs, HiddenWidth = 64, SampleCount = 32 };

    // A norm no L is below, so every epoch's end counts as a collapse: the restart path on demand.
    private static LieGanConfig AlwaysCollapsed(int epochs, int restarts) => Small(epochs) with { CollapseRestarts = restarts, CollapseNorm = 1e3 };

    private static LieGanResultDocument Run(LieGanConfig config, int seed, string dir, IJobSink? sink = null, string? resume = null) =>
        (LieGanResultDocument)new LieGanJob(config, LieGanJobTests.SmallTwoBody(24), seed)
            .Run(new JobContext(CPU, dir, sink ?? NullJobSink.Instance, CancellationToken.None, resume)).Document;

    [Fact]
    public void A_collapse_starts_a_fresh_attempt_from_the_derived_seed_and_its_answer_is_the_runs()
    {
        using var tmp = new TempFiles();
        using var threads = new SingleTorchThread();
        var sink = new RecordingJobSink();

        var restarted = Run(AlwaysCollapsed(2, restarts: 1), seed: 4, Path.Combine(tmp.Root, "restarted"), sink);
        var fresh = Run(Small(2), LieGanJob.RestartSeed(4, 1), Path.Combine(tmp.Root, "fresh"));

        var restart = Assert.Single(restarted.Restarts);
        Assert.Equal((1, LieGanJob.RestartSeed(4, 1)), (restart.AfterEpoch, restart.Seed));
        Assert.InRange(restart.GeneratorNorm, 0.01, 1e3);
        Assert.Equal(4, restarted.Seed); // the requested seed; the restart's is in the list
        // The collapsed epoch stays in the history, then the new attempt's full schedule.
        Assert.Equal(3, restarted.Epochs);
        Assert.Equal(3, restarted.History["d_real"].Length);
        Assert.Equal(fresh.History["g_adv"], restarted.History["g_adv"][1..]);
        Assert.Equal(fresh.Generators, restarted.Generators);
        Assert.Equal(3, sink.ProgressReports[^1].TotalEpochs);
        Assert.Equal(3, sink.ProgressReports.First(p => p.Epoch == 1).TotalEpochs); // the collapsed epoch's own report shows the longer run
        var warnings = sink.Events.OfType<(JobLogLevel Level, string Message)>().Where(e => e.Level == JobLogLevel.Warning).Select(e => e.Message).ToList();
        Assert.Contains(warnings, m => m.Contains("collapsed to the identity at epoch 1") && m.Contains($"seed {LieGanJob.RestartSeed(4, 1)}"));
        // The second attempt "collapses" too, with no restart left: said once, and the run ends normally.
        Assert.Single(warnings, m => m.Contains("all 1 restarts are used"));
    }

    [Fact]
    public void A_run_that_does_not_collapse_is_exactly_the_run_without_restarts()
    {
        using var tmp = new TempFiles();
        using var threads = new SingleTorchThread();

        var guarded = Run(Small(2) with { CollapseRestarts = 3 }, seed: 6, Path.Combine(tmp.Root, "guarded"));
        var plain = Run(Small(2), seed: 6, Path.Combine(tmp.Root, "plain"));

        Assert.Empty(guarded.Restarts);
        Assert.Equal(2, guarded.Epochs);
        Assert.Equal(plain.Generators, guarded.Generators);
    }

    [Fact]
    public void The_checkpoint_written_at_a_restart_resumes_the_new_attempt_bit_identically()
    {
        using var tmp = new TempFiles();
        using var threads = new SingleTorchThread();
        var config = AlwaysCollapsed(2, restarts: 1);
        var straight = Run(config, seed: 8, Path.Combine(tmp.Root, "straight"));

        // Stop right after the restart's checkpoint (end of epoch 1), then resume from it.
        string firstDir = Path.Combine(tmp.Root, "first");
        using var cts = new CancellationTokenSource();
        var stopper = new CancelOnCheckpoint(cts);
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new LieGanJob(config, LieGanJobTests.SmallTwoBody(24), 8).Run(new JobContext(CPU, firstDir, stopper, cts.Token)));
        var resumed = Run(config, seed: 8, Path.Combine(tmp.Root, "resumed"), resume: Path.Combine(firstDir, LieGanCheckpoint.FileName));

        Assert.Equal(straight.Restarts, resumed.Restarts);
        Assert.Equal(straight.Generators, resumed.Generators);
        Assert.Equal(straight.History["g_adv"], resumed.History["g_adv"]);
        Assert.Equal(8, resumed.Seed);
    }

    [Theory]
    [InlineData("collapse_restarts", 11, 0.01)]
    [InlineData("collapse_restarts", -1, 0.01)]
    [InlineData("collapse_norm", 1, 0.0)]
    public void Bad_restart_settings_are_refused_with_the_field_named(string field, int restarts, double norm) =>
        Assert.Equal(field, Assert.Throws<InvalidInputException>(() => (Small(2) with { CollapseRestarts = restarts, CollapseNorm = norm }).Validate()).Field);

    private sealed class CancelOnCheckpoint(CancellationTokenSource cts) : IJobSink
    {
        public void Progress(JobProgress progress) { }
        public void Metrics(JobMetrics metrics) { }
        public void Snapshot(JobSnapshot snapshot) { }
        public void CheckpointSaved(JobCheckpointSaved checkpoint) => cts.Cancel();
        public void Log(JobLogLevel level, string message) { }
    }
}
