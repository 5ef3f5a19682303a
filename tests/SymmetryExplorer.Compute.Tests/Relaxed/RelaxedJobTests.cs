using SymmetryExplorer.Compute.Jobs;
using SymmetryExplorer.Compute.Relaxed;
using SymmetryExplorer.Compute.Relaxed.Training;
using TorchSharp;

namespace SymmetryExplorer.Compute.Tests.Relaxed;

public sealed class RelaxedJobTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symx-relaxed-").FullName;

    public RelaxedJobTests() => TorchFixture.Ensure();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private JobContext Context(IJobSink sink, string sub = "run", CancellationToken ct = default, string? resume = null) =>
        new(torch.CPU, Path.Combine(_dir, sub), sink, ct, resume);

    [Fact]
    public void Training_lowers_the_loss_and_reports_every_metric_the_web_plots()
    {
        var sink = new RecordingJobSink();
        var job = new RelaxedJob(TinyFlows.Config("rgroup", epochs: 6), TinyFlows.SmokeRotation, seed: 3);

        var result = job.Run(Context(sink));

        var epochs = sink.MetricsReports;
        Assert.Equal(6, epochs.Count);
        foreach (string key in RelaxedJob.MetricKeys.Concat(["drift_layer1", "drift_layer2", "drift_layer3"]))
            Assert.True(epochs[^1].Values.ContainsKey(key), $"missing metric {key}");
        double first = epochs[0].Values["train_loss"], last = epochs[^1].Values["train_loss"];
        Assert.True(last < 0.8 * first, $"train loss should fall: {first:F4} -> {last:F4}");
        Assert.True(epochs[^1].Values["valid_loss"] < epochs[0].Values["valid_loss"]);
        var doc = Assert.IsType<RelaxedResult>(result.Document);
        Assert.True(doc.RmseFuture > 0 && doc.RmseDomain > 0);
        Assert.Equal(["90", "180", "270"], doc.EquivarianceErrorPerElement.Keys);
        Assert.NotNull(doc.Relaxation);
        Assert.Equal(6, sink.Checkpoints.Count);
        Assert.Equal(1.0, sink.ProgressReports[^1].Fraction);
        var rollout = sink.Snapshots.Where(s => s.Name == "rollout").Select(s => Assert.IsType<RolloutSnapshot>(s.Data)).ToArray();
        Assert.Equal(4, rollout.Length); // epochs 2, 4, 6 and the final one
        Assert.Equal((4, 16, 16), (rollout[^1].Steps, rollout[^1].Height, rollout[^1].Width));
        Assert.Equal(2, rollout[^1].Truth[0].Length);
        Assert.Equal(16, rollout[^1].Prediction[3][1][15].Length);
    }
}

public sealed class RelaxedJobLifecycleTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symx-relaxed-life-").FullName;

    public RelaxedJobLifecycleTests() => TorchFixture.Ensure();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private JobContext Context(IJobSink sink, string sub, CancellationToken ct = default, string? resume = null) =>
        new(torch.CPU, Path.Combine(_dir, sub), sink, ct, resume);

    [Fact]
    public void Resuming_from_a_checkpoint_continues_exactly_where_training_stopped()
    {
        var data = TinyFlows.SmokeRotation;
        var straight = new RelaxedJob(TinyFlows.Config("gconv", epochs: 3), data, seed: 5).Run(Context(NullJobSink.Instance, "straight"));

        var firstPart = new RecordingJobSink();
        new RelaxedJob(TinyFlows.Config("gconv", epochs: 1), data, seed: 5).Run(Context(firstPart, "part"));
        string checkpoint = firstPart.Checkpoints[^1].Path;
        var secondHalf = new RecordingJobSink();
        var resumed = new RelaxedJob(TinyFlows.Config("gconv", epochs: 3), data, seed: 5).Run(Context(secondHalf, "resumed", resume: checkpoint));

        var a = Assert.IsType<RelaxedResult>(straight.Document);
        var b = Assert.IsType<RelaxedResult>(resumed.Document);
        Assert.Equal([2, 3], secondHalf.MetricsReports.Select(m => m.Epoch + 1));
        Assert.Equal(a.ValidLoss, b.ValidLoss);
        Assert.Equal(a.RmseFuture, b.RmseFuture, 10);
        Assert.Equal(a.RmseDomain!.Value, b.RmseDomain!.Value, 10);
        // The strict group CNN stays equivariant through training, whatever its weights become.
        Assert.All(secondHalf.MetricsReports, m => Assert.True(m.Values["ee_mean"] < 1e-5, $"gconv ee_mean {m.Values["ee_mean"]:E2}"));
        Assert.True(b.EquivarianceError < 1e-5);
        Assert.Null(b.Relaxation);
    }

    [Fact]
    public void The_best_model_is_a_copy_of_the_best_epoch_not_the_last_weights()
    {
        // A large learning rate makes the validation loss jump around; early stopping with patience 1 then
        // ends training on an epoch that is worse than the best one.
        var config = TinyFlows.Config("conv", epochs: 12) with { LearningRate = 0.1, Decay = 1.0, Patience = 1 };
        var data = TinyFlows.SmokeRotation;
        var sink = new RecordingJobSink();
        var doc = Assert.IsType<RelaxedResult>(new RelaxedJob(config, data, seed: 2).Run(Context(sink, "best")).Document);
        var (dir, _) = RelaxedCheckpoint.ReadState(sink.Checkpoints[^1].Path);

        Assert.Equal(doc.ValidLoss.Min(), doc.BestValidLoss);
        Assert.Equal(doc.ValidLoss.ToList().IndexOf(doc.ValidLoss.Min()) + 1, doc.BestEpoch);
        Assert.True(doc.StoppedEarly && doc.BestEpoch < doc.Epochs, "precondition: the last epoch should not be the best one here");
        Assert.NotEqual(doc.BestValidLoss, doc.ValidLoss[^1]);
        double ValidRmse(string file)
        {
            using var net = SymmetryExplorer.Compute.Relaxed.Networks.RelaxedNetworks.Create(config, 16, 16);
            net.load(Path.Combine(dir, file));
            using var tensors = new FlowTensors(data.Data, torch.CPU);
            var windows = data.Split.ValidWindows(data.Data.Frames, config.TrainWindowLength, config.EvalStride);
            return SymmetryExplorer.Compute.Relaxed.Metrics.RolloutEvaluation.Evaluate(net, tensors, windows, config.InputFrames, config.RolloutTrain,
                config.BatchSize, CancellationToken.None, withSpectrum: false).Rmse;
        }
        Assert.Equal(doc.BestValidLoss, ValidRmse("best.bin"), 5);
        Assert.Equal(doc.ValidLoss[^1], ValidRmse("model.bin"), 5);
    }

    [Fact]
    public void Cancellation_stops_within_one_batch()
    {
        using var cts = new CancellationTokenSource();
        var sink = new CancellingSink(cts, cancelAtEpoch: 1);
        var job = new RelaxedJob(TinyFlows.Config("rsteer", epochs: 3), TinyFlows.SmokeRotation, seed: 1);

        Assert.ThrowsAny<OperationCanceledException>(() => job.Run(Context(sink, "cancel", cts.Token)));
        Assert.True(sink.BatchesAfterCancel <= 1, $"{sink.BatchesAfterCancel} batches ran after cancellation");
    }

    [Fact]
    public void A_rollout_snapshot_can_be_requested_while_training()
    {
        RelaxedJob? job = null;
        var sink = new RequestingSink(() => job!.RequestRolloutSnapshot());
        job = new RelaxedJob(TinyFlows.Config("steer", epochs: 1) with { SnapshotEvery = 0 }, TinyFlows.SmokeRotation, seed: 1);

        job.Run(Context(sink, "request"));

        // One on request (during epoch 1) and one at the end.
        Assert.Equal(2, sink.Snapshots.Count(s => s.Name == RolloutSnapshot.SnapshotName));
    }

    [Fact]
    public void A_single_simulation_file_trains_without_a_domain_split()
    {
        var rotation = TinyFlows.SmokeRotation.Data;
        var one = new SymmetryExplorer.Compute.Flows.FlowData(rotation.Simulation(0).ToArray(), 1, rotation.Frames, rotation.Height, rotation.Width);
        var data = SymmetryExplorer.Compute.Flows.Datasets.FlowDataset.FromFile("one.npy", one, seed: 1);

        var doc = Assert.IsType<RelaxedResult>(new RelaxedJob(TinyFlows.Config("steer", epochs: 1), data, seed: 1).Run(Context(NullJobSink.Instance, "single")).Document);

        Assert.Null(doc.RmseDomain);
        Assert.Null(doc.EseDomain);
        Assert.Equal("future", doc.EquivarianceMeasuredOn);
        Assert.True(doc.RmseFuture > 0);
    }

    [Fact]
    public void Bad_inputs_are_refused_with_the_field_named()
    {
        var data = TinyFlows.SmokeRotation;
        Assert.Equal("dataset", Assert.Throws<InvalidInputException>(() =>
            new RelaxedJob(TinyFlows.Config("conv") with { InputFrames = 10, RolloutTest = 20 }, data, 1)).Field);
        Assert.Equal("model", Assert.Throws<InvalidInputException>(() => new RelaxedJob(TinyFlows.Config("cnn"), data, 1)).Field);
        Assert.Equal("group_order", Assert.Throws<InvalidInputException>(() => new RelaxedJob(TinyFlows.Config("rgroup") with { GroupOrder = 8 }, data, 1)).Field);
        Assert.Equal("kernel", Assert.Throws<InvalidInputException>(() => new RelaxedJob(TinyFlows.Config("conv") with { Kernel = 4 }, data, 1)).Field);
    }

    [Fact]
    public void Resuming_with_a_different_model_is_refused()
    {
        var sink = new RecordingJobSink();
        new RelaxedJob(TinyFlows.Config("conv", epochs: 1), TinyFlows.SmokeRotation, seed: 1).Run(Context(sink, "a"));
        var other = new RelaxedJob(TinyFlows.Config("rgroup", epochs: 2), TinyFlows.SmokeRotation, seed: 1);

        var ex = Assert.Throws<InvalidInputException>(() => other.Run(Context(NullJobSink.Instance, "b", resume: sink.Checkpoints[0].Path)));
        Assert.Equal("resume", ex.Field);
        Assert.Contains("written for model conv", ex.Message);
    }

    private sealed class CancellingSink(CancellationTokenSource cts, int cancelAtEpoch) : IJobSink
    {
        public int BatchesAfterCancel { get; private set; }

        public void Progress(JobProgress progress)
        {
            if (cts.IsCancellationRequested) BatchesAfterCancel++;
            else if (progress.Epoch == cancelAtEpoch && progress.StepInEpoch == 1) cts.Cancel();
        }

        public void Metrics(JobMetrics metrics) { }
        public void Snapshot(JobSnapshot snapshot) { }
        public void CheckpointSaved(JobCheckpointSaved checkpoint) { }
        public void Log(JobLogLevel level, string message) { }
    }

    private sealed class RequestingSink(Action request) : IJobSink
    {
        private readonly RecordingJobSink _inner = new();
        public IReadOnlyList<JobSnapshot> Snapshots => _inner.Snapshots;

        public void Progress(JobProgress progress)
        {
            if (progress.StepInEpoch == 2) request();
        }

        public void Metrics(JobMetrics metrics) { }
        public void Snapshot(JobSnapshot snapshot) => _inner.Snapshot(snapshot);
        public void CheckpointSaved(JobCheckpointSaved checkpoint) { }
        public void Log(JobLogLevel level, string message) { }
    }
}
