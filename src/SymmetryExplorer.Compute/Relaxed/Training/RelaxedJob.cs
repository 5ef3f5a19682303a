using SymmetryExplorer.Compute.Optim;
using SymmetryExplorer.Compute.Runtime;
using System.Globalization;
using SymmetryExplorer.Compute.Flows.Datasets;
using SymmetryExplorer.Compute.Jobs;
using SymmetryExplorer.Compute.Relaxed.Metrics;
using SymmetryExplorer.Compute.Relaxed.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Relaxed.Training;

/// <summary>
/// Trains one relaxed-equivariance model on a flow data set as in the paper: 10 past frames in,
/// autoregressive rollout (sum of per-step MSE over <see cref="RelaxedConfig.RolloutTrain"/> steps)
/// plus alpha times the relaxation penalty, Adam with weight decay, step decay per epoch, early
/// stopping on the validation RMSE, with the best weights kept as a separate copy and used for the
/// Future / Domain tests. Reports per epoch through the sink (keys in <see cref="MetricKeys"/>),
/// writes a resumable checkpoint every epoch, stops within one batch when cancelled.
/// Run it on a dedicated thread (<see cref="DedicatedThread"/>): one dispose scope per batch.
/// </summary>
public sealed class RelaxedJob : ITrainingJob
{
    public const string JobKind = "relaxed";

    private readonly RelaxedConfig _config;
    private readonly FlowDataset _data;
    private readonly int _seed;
    private readonly IReadOnlyList<FlowWindow> _train, _valid, _future, _domain;
    private volatile bool _rolloutRequested;

    /// <exception cref="InvalidInputException">Invalid configuration, or data that cannot support it.</exception>
    public RelaxedJob(RelaxedConfig config, FlowDataset data, int seed)
    {
        config.Validate();
        _config = config;
        _data = data;
        _seed = seed;
        var d = data.Data;
        if (config.Kind.UsesGroup() && d.Height != d.Width)
            throw new InvalidInputException($"The {config.Model} model needs a square grid; '{data.Name}' is {d.Height} x {d.Width}.", "model");
        _train = data.Split.TrainWindows(d.Frames, config.TrainWindowLength);
        _valid = data.Split.ValidWindows(d.Frames, config.TrainWindowLength, config.EvalStride);
        _future = data.Split.FutureWindows(d.Frames, config.TestWindowLength, config.EvalStride);
        _domain = data.Split.DomainWindows(d.Frames, config.TestWindowLength, config.EvalStride);
        int needed = (int)Math.Ceiling(config.TestWindowLength / (1 - FlowSplitPlan.ValidEnd));
        if (_train.Count == 0 || _valid.Count == 0 || _future.Count == 0)
        {
            throw new InvalidInputException(
                $"'{data.Name}' has {d.Frames} frames per simulation: too few for {config.InputFrames} input frames and a {config.RolloutTest}-step test " +
                $"rollout under the paper's time split (about {needed} frames are needed). Use more frames, fewer input frames or a shorter rollout_test.", "dataset");
        }
    }

    public string Kind => JobKind;

    public RelaxedConfig Config => _config;

    /// <summary>Asks for a predicted-vs-true rollout snapshot at the next batch boundary (thread-safe).</summary>
    public void RequestRolloutSnapshot() => _rolloutRequested = true;

    /// <summary>Metric keys reported per epoch (plus drift_&lt;layer&gt; for each relaxed layer).</summary>
    public static IReadOnlyList<string> MetricKeys { get; } =
        ["train_loss", "valid_loss", "ee_90", "ee_180", "ee_270", "ee_mean", "lr", "epoch_seconds", "penalty", "best_valid_loss"];

    public JobResult Run(JobContext context)
    {
        var sink = context.Sink;
        var ct = context.Cancellation;
        var device = context.Device;
        Directory.CreateDirectory(context.WorkDirectory);
        string checkpointDir = Path.Combine(context.WorkDirectory, "checkpoint");

        manual_seed(_seed);
        var state = new RelaxedTrainingState { Dataset = _data.Name, Seed = _seed, Config = _config, LearningRate = _config.LearningRate };
        using var tensors = new FlowTensors(_data.Data, device);
        using var model = RelaxedNetworks.Create(_config, tensors.Height, tensors.Width);
        using var best = RelaxedNetworks.Create(_config, tensors.Height, tensors.Width);
        model.to(device);
        best.to(device);
        best.load_state_dict(model.state_dict());
        // PyTorch's Adam (betas 0.9, 0.999, eps 1e-8, L2 weight decay), with owned Scalars.
        using var optimizer = new AdamOptimizer(model.parameters(), 0.9, 0.999, 1e-8, _config.WeightDecay,
            model.LearningRateScales(_config.RelaxedLearningRateFactor));

        if (context.ResumeCheckpoint is { } resume)
        {
            var (dir, saved) = RelaxedCheckpoint.ReadState(resume);
            CheckCompatible(saved);
            RelaxedCheckpoint.LoadWeights(dir, model, best, optimizer);
            state = saved;
            sink.Log(JobLogLevel.Info, $"resumed from {dir} after epoch {state.EpochsDone}");
        }

        long parameters = model.ParameterCount();
        var snapshotWindow = _domain.Count > 0 ? (_domain[0], "domain") : (_future[0], "future"); // test-length windows
        sink.Log(JobLogLevel.Info, string.Create(CultureInfo.InvariantCulture,
            $"{_config.Model}: {parameters:N0} parameters; {_data.Name}: {_data.Data.Simulations} simulations of {_data.Data.Frames} frames on {tensors.Height} x {tensors.Width}; " +
            $"windows train {_train.Count}, valid {_valid.Count}, future {_future.Count}, domain {_domain.Count}"));

        // A fixed batch of validation inputs for the per-epoch equivariance error.
        using var equivarianceInput = EquivarianceInputs(tensors, _valid);
        var clock = new EpochClock(TimeSpan.FromSeconds(state.ElapsedSeconds));
        int batchesPerEpoch = (int)Math.Ceiling(EpochWindows(0).Count / (double)_config.BatchSize);

        for (int epoch = state.EpochsDone; epoch < _config.Epochs && !state.StoppedEarly; epoch++)
        {
            clock.StartEpoch();
            var (trainMse, penaltyMean, _) = TrainEpoch(model, optimizer, tensors, epoch, state, clock, batchesPerEpoch, snapshotWindow, context);

            var valid = RolloutEvaluation.Evaluate(model, tensors, _valid, _config.InputFrames, _config.RolloutTrain, _config.BatchSize, ct, withSpectrum: false);
            model.eval();
            var ee = EquivarianceError.Measure(model.forward, equivarianceInput);
            model.train();
            double epochSeconds = clock.EndEpoch();
            state.TrainLoss.Add(Math.Sqrt(trainMse));
            state.ValidLoss.Add(valid.Rmse);
            state.EpochSeconds.Add(epochSeconds);
            state.ElapsedSeconds = clock.Elapsed.TotalSeconds;
            state.EpochsDone = epoch + 1;
            if (valid.Rmse < state.BestValidLoss)
            {
                state.BestValidLoss = valid.Rmse;
                state.BestEpoch = epoch;
                state.EpochsSinceBest = 0;
                best.load_state_dict(model.state_dict()); // copies values into the separate best network
            }
            else
            {
                state.EpochsSinceBest++;
            }

            var values = new Dictionary<string, double>
            {
                ["train_loss"] = state.TrainLoss[^1],
                ["valid_loss"] = valid.Rmse,
                ["ee_90"] = ee.Relative["90"],
                ["ee_180"] = ee.Relative["180"],
                ["ee_270"] = ee.Relative["270"],
                ["ee_mean"] = ee.MeanRelative,
                ["lr"] = state.LearningRate,
                ["epoch_seconds"] = epochSeconds,
                ["penalty"] = penaltyMean,
                ["best_valid_loss"] = state.BestValidLoss,
            };
            foreach (var (layer, drift) in model.Drift()) values[$"drift_{layer}"] = drift;
            sink.Metrics(new JobMetrics(epoch, state.Step, values));

            if (_config.SnapshotEvery > 0 && (epoch + 1) % _config.SnapshotEvery == 0)
                EmitRollout(model, tensors, snapshotWindow, epoch, state.Step, sink);

            state.LearningRate *= _config.Decay;
            if (_config.Patience > 0 && state.EpochsSinceBest >= _config.Patience)
            {
                state.StoppedEarly = true;
                sink.Log(JobLogLevel.Info, $"stopped early after epoch {epoch + 1}: no better validation loss for {_config.Patience} epochs (best at epoch {state.BestEpoch + 1})");
            }
            string path = RelaxedCheckpoint.Save(checkpointDir, model, best, optimizer, state);
            sink.CheckpointSaved(new JobCheckpointSaved(epoch + 1, state.Step, path));
            ct.ThrowIfCancellationRequested();
        }

        var result = Finish(best, tensors, state, parameters, clock, context, snapshotWindow);
        // Done (also after an early stop): the contract's final progress has Epoch == TotalEpochs.
        sink.Progress(new JobProgress(_config.Epochs, _config.Epochs, state.Step, batchesPerEpoch, batchesPerEpoch, clock.Elapsed, TimeSpan.Zero));
        return result;
    }

    /// <summary>
    /// One pass over this epoch's training windows, one dispose scope per batch; returns the mean
    /// per-step MSE, the mean penalty and the number of batches.
    /// </summary>
    private (double Mse, double Penalty, int Batches) TrainEpoch(RelaxedNetwork model, AdamOptimizer optimizer, FlowTensors tensors, int epoch,
                                                                 RelaxedTrainingState state, EpochClock clock, int batchesPerEpoch,
                                                                 (FlowWindow Window, string Split) snapshotWindow, JobContext context)
    {
        model.train();
        var windows = EpochWindows(epoch);
        double mseSum = 0, penaltySum = 0;
        int batches = 0;
        for (int start = 0; start < windows.Count; start += _config.BatchSize)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            using (var scope = NewDisposeScope())
            {
                var (input, target) = tensors.Batch(windows.Skip(start).Take(_config.BatchSize).ToArray(), _config.InputFrames, _config.RolloutTrain);
                var prediction = Rollout.Predict(model, input, _config.RolloutTrain);
                var stepMseSum = (prediction - target).square().mean([0L, 2L, 3L, 4L]).sum(); // sum over rollout steps of the per-step MSE
                var penalty = model.Penalty(_config.Alpha);
                var loss = stepMseSum.Plus(penalty);
                optimizer.ZeroGrad();
                loss.backward();
                optimizer.Step(state.LearningRate);
                double mse = stepMseSum.item<float>() / _config.RolloutTrain;
                if (!double.IsFinite(mse))
                    throw new InvalidInputException($"Training diverged at epoch {epoch + 1} (loss {mse}); lower learning_rate.", "learning_rate");
                mseSum += mse;
                penaltySum += penalty.item<float>();
            }
            batches++;
            state.Step++;
            context.Sink.Progress(new JobProgress(epoch, _config.Epochs, state.Step, batches, batchesPerEpoch, clock.Elapsed,
                clock.Remaining(_config.Epochs - epoch - 1, 1 - (double)batches / batchesPerEpoch)));
            if (_rolloutRequested) EmitRollout(model, tensors, snapshotWindow, epoch, state.Step, context.Sink);
        }
        return (mseSum / Math.Max(1, batches), penaltySum / Math.Max(1, batches), batches);
    }

    private JobResult Finish(RelaxedNetwork best, FlowTensors tensors, RelaxedTrainingState state, long parameters, EpochClock clock,
                             JobContext context, (FlowWindow Window, string Split) snapshotWindow)
    {
        var ct = context.Cancellation;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var future = RolloutEvaluation.Evaluate(best, tensors, _future, _config.InputFrames, _config.RolloutTest, _config.BatchSize, ct);
        var domain = RolloutEvaluation.Evaluate(best, tensors, _domain, _config.InputFrames, _config.RolloutTest, _config.BatchSize, ct);
        var eeWindows = _domain.Count > 0 ? _domain : _future;
        best.eval();
        EquivarianceErrors ee;
        using (var input = EquivarianceInputs(tensors, eeWindows)) ee = EquivarianceError.Measure(best.forward, input);
        EmitRollout(best, tensors, snapshotWindow, Math.Max(0, state.EpochsDone - 1), state.Step, context.Sink);

        RelaxationSummary? relaxation = null;
        if (best.RelaxedLayers.Count > 0)
        {
            var drift = best.Drift();
            double penalty;
            using (no_grad()) using (var p = best.Penalty(1.0)) penalty = p.item<float>();
            relaxation = new RelaxationSummary(drift, drift.Values.Average(), penalty, _config.Alpha);
        }

        var d = _data.Data;
        double seconds = state.ElapsedSeconds + sw.Elapsed.TotalSeconds;
        var result = new RelaxedResult
        {
            Dataset = _data.Name,
            Model = _config.Model,
            Seed = _seed,
            Epochs = state.EpochsDone,
            Parameters = parameters,
            Seconds = Math.Round(seconds, 2),
            RmseFuture = future.Rmse,
            RmseDomain = domain.Windows > 0 ? domain.Rmse : null,
            EquivarianceError = ee.MeanRelative,
            EquivarianceErrorPerElement = ee.Relative,
            Relaxation = relaxation,
            EquivarianceErrorAbsolute = ee.MeanAbsolute,
            EquivarianceErrorAbsolutePerElement = ee.Absolute,
            EquivarianceMeasuredOn = _domain.Count > 0 ? "domain" : "future",
            EseFuture = Finite(future.EnergySpectrumError),
            EseDomain = domain.Windows > 0 ? Finite(domain.EnergySpectrumError) : null,
            RmseFutureByStep = future.RmseByStep,
            RmseDomainByStep = domain.RmseByStep,
            BestEpoch = state.BestEpoch + 1,
            BestValidLoss = state.BestValidLoss,
            StoppedEarly = state.StoppedEarly,
            Device = context.Device.ToString(),
            Config = _config,
            Data = new RelaxedDataSummary(d.Simulations, d.Frames, d.Height, d.Width, _data.Split.TrainSimulations, _data.Split.DomainSimulations,
                _train.Count, _valid.Count, _future.Count, _domain.Count, d.RootMeanSquare(), _data.Equivariance),
            ParameterBreakdown = best.ParameterBreakdown(),
            TrainLoss = state.TrainLoss,
            ValidLoss = state.ValidLoss,
            EpochSeconds = state.EpochSeconds,
        };
        string domainText = result.RmseDomain is { } rd ? rd.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"{_config.Model} on {_data.Name} (seed {_seed}): RMSE future {result.RmseFuture:0.0000}, domain {domainText}, " +
            $"equivariance error {result.EquivarianceError:0.####E+0}, {parameters:N0} parameters, {state.EpochsDone} epochs, {seconds:0.0} s");
        var key = new Dictionary<string, double>
        {
            ["rmse_future"] = result.RmseFuture,
            ["rmse_domain"] = result.RmseDomain ?? double.NaN,
            ["equivariance_error"] = result.EquivarianceError,
            ["parameters"] = parameters,
            ["seconds"] = result.Seconds,
        };
        if (relaxation is not null) key["relaxation_mean_drift"] = relaxation.Mean;
        return new JobResult(result, summary, key);
    }

    private void CheckCompatible(RelaxedTrainingState saved)
    {
        var a = saved.Config;
        var b = _config;
        if (a.Model != b.Model || a.Hidden != b.Hidden || a.Layers != b.Layers || a.Kernel != b.Kernel || a.FilterBanks != b.FilterBanks ||
            a.GroupOrder != b.GroupOrder || a.Reflections != b.Reflections || a.InputFrames != b.InputFrames)
        {
            throw new InvalidInputException(
                $"The checkpoint was written for model {a.Model} (hidden {a.Hidden}, {a.Layers} layers, kernel {a.Kernel}, {a.FilterBanks} banks, " +
                $"C{a.GroupOrder}{(a.Reflections ? "+mirrors" : "")}, {a.InputFrames} input frames); this run is configured differently.", "resume");
        }
        if (saved.Dataset != _data.Name || saved.Seed != _seed)
            throw new InvalidInputException($"The checkpoint belongs to data set '{saved.Dataset}' with seed {saved.Seed}, not '{_data.Name}' with seed {_seed}.", "resume");
    }

    /// <summary>This epoch's training windows: a seeded shuffle (so resumed runs see the same order), capped if configured.</summary>
    private IReadOnlyList<FlowWindow> EpochWindows(int epoch)
    {
        var order = _train.ToArray();
        new Random(unchecked(_seed * 7919 + epoch)).Shuffle(order);
        return _config.TrainWindowsPerEpoch > 0 && _config.TrainWindowsPerEpoch < order.Length ? order[.._config.TrainWindowsPerEpoch] : order;
    }

    /// <summary>Inputs of up to EquivarianceSamples windows spread evenly over a split (kept outside batch scopes).</summary>
    private Tensor EquivarianceInputs(FlowTensors tensors, IReadOnlyList<FlowWindow> windows)
    {
        int n = Math.Min(_config.EquivarianceSamples, windows.Count);
        var chosen = Enumerable.Range(0, n).Select(i => windows[(int)((long)i * windows.Count / n)]).ToArray();
        using var scope = NewDisposeScope();
        var (input, _) = tensors.Batch(chosen, _config.InputFrames, 1);
        return input.MoveToOuterDisposeScope();
    }

    private void EmitRollout(RelaxedNetwork model, FlowTensors tensors, (FlowWindow Window, string Split) sample, int epoch, long step, IJobSink sink)
    {
        _rolloutRequested = false;
        var snapshot = RolloutSnapshot.Capture(model, tensors, sample.Window, sample.Split, _config.InputFrames, _config.RolloutTest);
        sink.Snapshot(new JobSnapshot(epoch, step, RolloutSnapshot.SnapshotName, snapshot));
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;
}
