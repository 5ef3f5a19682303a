using System.Text.Json;
using SymmetryExplorer.Compute.Data.BuiltIn;
using SymmetryExplorer.Compute.Data.Trajectories;
using SymmetryExplorer.Compute.Jobs;
using SymmetryExplorer.Compute.LieGan;
using SymmetryExplorer.Compute.Tests.Data;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Tests.LieGan;

public class LieGanJobTests
{
    public LieGanJobTests() => TorchFixture.Ensure();

    /// <summary>A small two-body set: 40 trajectories -> 720 pairs, 12 batches of 64.</summary>
    internal static SymmetryDataset SmallTwoBody(int trajectories = 40) =>
        BuiltInTrajectoryDatasets.Generate("two-body", 0, new BuiltInOptions(trajectories, 1)).TrainPairs();

    private static LieGanConfig Small(int epochs) => LieGanPresets.Get("two-body").Config with { Epochs = epochs, HiddenWidth = 64, SampleCount = 32 };

    [Fact]
    public void Every_epoch_reports_losses_similarities_snapshots_and_a_checkpoint()
    {
        using var tmp = new TempFiles();
        using var threads = new SingleTorchThread();
        var sink = new RecordingJobSink();
        var job = new LieGanJob(Small(2) with { ReportEveryBatches = 5 }, SmallTwoBody(), seed: 3, "two-body");

        var result = job.Run(new JobContext(CPU, tmp.Root, sink, CancellationToken.None));

        var epochMetrics = sink.MetricsReports.Where(m => m.Scope == JobMetrics.EpochScope).ToList();
        Assert.Equal(2, epochMetrics.Count);
        foreach (string key in new[] { "d_real", "d_fake", "g_adv", "g_reg", "reg_cosine", "cosine_0", "norm_0", "epoch_seconds", "metric_residual" })
            Assert.True(epochMetrics[1].Values.ContainsKey(key), key);
        Assert.InRange(epochMetrics[1].Values["cosine_0"], 0, 1);
        Assert.Contains(sink.MetricsReports, m => m.Scope == JobMetrics.BatchScope);
        Assert.Equal(["reference", "generators", "invariant_metric", "samples", "generators", "invariant_metric", "samples"], sink.Snapshots.Select(s => s.Name));
        var samples = JsonSerializer.SerializeToElement(sink.Snapshots[3].Data);
        Assert.Equal(32, samples.GetProperty("real").GetArrayLength());
        Assert.Equal(8, samples.GetProperty("transformed")[0].GetArrayLength());
        var generators = JsonSerializer.SerializeToElement(sink.Snapshots[1].Data);
        Assert.Equal("q1x", generators.GetProperty("feature_names")[0].GetString());
        Assert.Equal(8, generators.GetProperty("generators")[0].GetArrayLength());
        Assert.Equal(2, sink.Checkpoints.Count);
        Assert.True(File.Exists(sink.Checkpoints[^1].Path));
        Assert.Equal(24, sink.Checkpoints[^1].Step);
        Assert.True(sink.ProgressReports.Count >= 4);
        Assert.Equal(1.0, sink.ProgressReports[^1].Fraction);

        var doc = (LieGanResultDocument)result.Document;
        Assert.Equal("so2-blocks", doc.Reference!.Name);
        Assert.Equal(2, doc.EpochSeconds.Length);
        Assert.Contains("cosine_0", result.KeyMetrics.Keys);
        Assert.StartsWith("liegan two-body", result.Summary);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.5)] // with a running average of L, which the checkpoint must carry
    public void Resuming_from_a_checkpoint_continues_bit_identically(double? averageFrom)
    {
        using var tmp = new TempFiles();
        using var threads = new SingleTorchThread();
        var data = SmallTwoBody(24);
        string straightDir = Path.Combine(tmp.Root, "straight"), firstDir = Path.Combine(tmp.Root, "first"), resumedDir = Path.Combine(tmp.Root, "resumed");
        LieGanConfig Config(int epochs) => Small(epochs) with { GeneratorAverageFromEpoch = averageFrom };

        var straight = (LieGanResultDocument)new LieGanJob(Config(3), data, 5).Run(new JobContext(CPU, straightDir, NullJobSink.Instance, CancellationToken.None)).Document;
        new LieGanJob(Config(1), data, 5).Run(new JobContext(CPU, firstDir, NullJobSink.Instance, CancellationToken.None));
        var sink = new RecordingJobSink();
        var resumed = (LieGanResultDocument)new LieGanJob(Config(3), data, 5)
            .Run(new JobContext(CPU, resumedDir, sink, CancellationToken.None, Path.Combine(firstDir, LieGanCheckpoint.FileName))).Document;

        Assert.Equal(straight.Generators, resumed.Generators);
        Assert.Equal(straight.History["g_adv"], resumed.History["g_adv"]);
        Assert.Equal(straight.History["d_real"], resumed.History["d_real"]);
        if (averageFrom is not null)
        {
            Assert.Equal(straight.History["live_cosine_0"], resumed.History["live_cosine_0"]);
            Assert.Equal(3, resumed.History["live_cosine_0"].Length); // aligned with the other per-epoch arrays
            Assert.NotEqual(resumed.History["live_cosine_0"][^1], resumed.History["cosine_0"][^1]); // the answer is the average
        }
        Assert.Equal([1, 2], sink.MetricsReports.Select(m => m.Epoch));
        Assert.Equal(3 * ((data.Count + 63) / 64), sink.Checkpoints[^1].Step);
    }

    [Fact]
    public void Averaging_set_to_start_after_the_last_epoch_is_reported_and_the_answer_is_the_last_L()
    {
        using var tmp = new TempFiles();
        using var threads = new SingleTorchThread();
        var sink = new RecordingJobSink();
        // A short demo run of a preset that averages from epoch 20.
        var doc = (LieGanResultDocument)new LieGanJob(Small(2) with { GeneratorAverageFromEpoch = 20 }, SmallTwoBody(24), seed: 2)
            .Run(new JobContext(CPU, tmp.Root, sink, CancellationToken.None)).Document;

        Assert.Contains(sink.Events.OfType<(JobLogLevel Level, string Message)>(),
            e => e.Level == JobLogLevel.Warning && e.Message.Contains("nothing is averaged"));
        Assert.Equal(doc.History["cosine_0"], doc.History["live_cosine_0"]);
    }

    [Fact]
    public void Cancellation_stops_within_one_batch()
    {
        using var tmp = new TempFiles();
        using var threads = new SingleTorchThread();
        using var cts = new CancellationTokenSource();
        var sink = new CancelAfterBatches(cts, 3);
        var job = new LieGanJob(Small(5) with { ReportEveryBatches = 1 }, SmallTwoBody(), seed: 1);

        Assert.ThrowsAny<OperationCanceledException>(() => job.Run(new JobContext(CPU, tmp.Root, sink, cts.Token)));
        Assert.Equal(3, sink.Batches);
    }

    [Fact]
    public void A_checkpoint_from_other_data_is_refused()
    {
        using var tmp = new TempFiles();
        using var threads = new SingleTorchThread();
        new LieGanJob(Small(1), SmallTwoBody(24), 1).Run(new JobContext(CPU, tmp.Root, NullJobSink.Instance, CancellationToken.None));
        var other = new LieGanJob(Small(2), SmallTwoBody(30), 1);

        var ex = Assert.Throws<InvalidInputException>(() =>
            other.Run(new JobContext(CPU, tmp.Root, NullJobSink.Instance, CancellationToken.None, Path.Combine(tmp.Root, LieGanCheckpoint.FileName))));
        Assert.Contains("same data set", ex.Message);
    }

    private sealed class CancelAfterBatches(CancellationTokenSource cts, int batches) : IJobSink
    {
        public int Batches { get; private set; }

        public void Progress(JobProgress progress)
        {
            if (progress.StepInEpoch > 0 && ++Batches == batches) cts.Cancel();
        }

        public void Metrics(JobMetrics metrics) { }
        public void Snapshot(JobSnapshot snapshot) { }
        public void CheckpointSaved(JobCheckpointSaved checkpoint) { }
        public void Log(JobLogLevel level, string message) { }
    }
}
