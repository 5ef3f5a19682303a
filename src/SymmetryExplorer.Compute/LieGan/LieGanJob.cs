using System.Diagnostics;
using SymmetryExplorer.Compute.Algebra;
using SymmetryExplorer.Compute.Data.Trajectories;
using SymmetryExplorer.Compute.Jobs;

namespace SymmetryExplorer.Compute.LieGan;

/// <summary>
/// A LieGAN discovery run as an <see cref="ITrainingJob"/> (kind "liegan"). Reports through the sink
/// every epoch: progress, metrics (d_real, d_fake, g_adv, g_reg, reg_*, cosine_i,
/// subspace_similarity, norm_i, metric_cosine, epoch_seconds, ...), snapshots ("generators",
/// "invariant_metric", "samples"; "reference" once at the start), and a checkpoint in the work
/// directory. Resumes from <see cref="JobContext.ResumeCheckpoint"/> bit-identically on the CPU.
/// </summary>
public sealed class LieGanJob : ITrainingJob
{
    private readonly LieGanConfig _config;
    private readonly SymmetryDataset _data;
    private readonly int _seed;
    private readonly string? _preset;

    /// <param name="config">Validated on construction.</param>
    /// <param name="data">Pairs to train on (see <see cref="TrajectoryFiles"/>, <see cref="Data.BuiltIn.BuiltInTrajectoryDatasets"/>).</param>
    /// <param name="seed">Seeds initialisation, shuffling and coefficients.</param>
    /// <param name="presetName">For the result document.</param>
    public LieGanJob(LieGanConfig config, SymmetryDataset data, int seed, string? presetName = null)
    {
        _config = config.Validate();
        _data = data;
        _seed = seed;
        _preset = presetName;
        if (data.Count < TrajectoryWindows.MinimumPairs)
            throw new InvalidInputException($"the data set has {data.Count} pairs; at least {TrajectoryWindows.MinimumPairs} are needed.", "dataset");
        Reference = ReferenceAlgebras.ByName(config.ReferenceAlgebra, data.Dimension, data.VectorGroups);
    }

    public string Kind => "liegan";

    /// <summary>The reference algebra compared against (null when none applies to this data).</summary>
    public ReferenceAlgebra? Reference { get; }

    public JobResult Run(JobContext context)
    {
        var config = _config;
        int seed = _seed;
        LieGanCheckpointState? resumed = null;
        if (context.ResumeCheckpoint is { } resumePath)
        {
            resumed = LieGanCheckpoint.ReadState(resumePath);
            // A resumed run continues the checkpoint's configuration; only the epoch count may grow.
            config = resumed.Config with { Epochs = Math.Max(_config.Epochs, resumed.Config.Epochs) };
            seed = resumed.Seed;
        }

        // After a collapse restart the run trains from the last restart's seed; the checkpoint keeps the requested one.
        int attemptSeed = resumed?.Restarts is [.., var lastRestart] ? lastRestart.Seed : seed;
        var trainer = new LieGanTrainer(config, _data, attemptSeed, context.Device);
        try
        {
            return Train(context, config, seed, resumed, ref trainer);
        }
        finally
        {
            trainer.Dispose();
        }
    }

    private JobResult Train(JobContext context, LieGanConfig config, int seed, LieGanCheckpointState? resumed, ref LieGanTrainer trainer)
    {
        var sink = context.Sink;
        var history = resumed?.History ?? new Dictionary<string, List<double>>();
        var restarts = resumed?.Restarts ?? [];
        int startEpoch = 0;
        // Epochs are numbered over the whole run; an attempt (the first, or one after a collapse
        // restart) trains config.Epochs epochs from attemptStart on, with its own schedule clock.
        int attemptStart = resumed?.AttemptStartEpoch ?? 0;
        long step = 0;
        if (resumed is not null)
        {
            LieGanCheckpoint.Restore(context.ResumeCheckpoint!, trainer);
            startEpoch = resumed.EpochsDone;
            step = resumed.Step;
            sink.Log(JobLogLevel.Info, $"resumed from epoch {startEpoch} (step {step})");
        }
        if (config.GeneratorAverageFromEpoch is { } averageFrom && averageFrom >= config.Epochs)
            sink.Log(JobLogLevel.Warning, $"generator_average_from_epoch {averageFrom} is not before the last epoch ({config.Epochs}): nothing is averaged, the answer is the last L");
        var clock = new EpochClock(TimeSpan.FromSeconds(resumed?.ElapsedSeconds ?? 0));
        int stepsPerEpoch = trainer.StepsPerEpoch;
        var points = DataPoints(_data, 512);

        if (Reference is not null)
            sink.Snapshot(new JobSnapshot(startEpoch, step, "reference", new
            {
                name = Reference.Name,
                generators = Reference.Generators.Select(DenseMatrix.ToJagged).ToArray(),
            }));

        GeneratorAnalysis? analysis = null;
        EpochLosses? losses = null;
        bool warnedUnrecovered = false;
        for (int epoch = startEpoch; epoch < attemptStart + config.Epochs; epoch++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            clock.StartEpoch();
            long epochStartStep = step;
            int currentEpoch = epoch, totalEpochs = attemptStart + config.Epochs;
            losses = trainer.TrainEpoch(epoch - attemptStart, (batch, batchLosses) =>
            {
                long globalStep = epochStartStep + batch;
                if (config.ReportEveryBatches > 0 && batch % config.ReportEveryBatches == 0 && batch < stepsPerEpoch)
                {
                    sink.Progress(new JobProgress(currentEpoch, totalEpochs, globalStep, batch, stepsPerEpoch, clock.Elapsed,
                        clock.Remaining(totalEpochs - currentEpoch - 1, 1 - (double)batch / stepsPerEpoch)));
                    sink.Metrics(new JobMetrics(currentEpoch, globalStep, LossValues(batchLosses), JobMetrics.BatchScope));
                }
            }, context.Cancellation);
            step += stepsPerEpoch;
            double seconds = clock.EndEpoch();

            var generators = trainer.CurrentGenerators();
            analysis = LieGanAnalysis.Analyse(generators, Reference, points);
            var values = LossValues(losses);
            LieGanAnalysis.AddMetrics(analysis, values);
            // Every epoch when averaging is configured, so the history's arrays stay aligned; until
            // averaging starts the live L is the answer and its analysis is the one above.
            if (trainer.Average is not null)
                LieGanAnalysis.AddLiveMetrics(trainer.IsAveraging ? LieGanAnalysis.Analyse(trainer.LiveGenerators(), Reference, []) : analysis, values);
            values["epoch_seconds"] = seconds;
            values["learning_rate_g"] = trainer.GeneratorLearningRate(epoch - attemptStart + 1);
            if (config.LambdaFinal is not null) values["lambda"] = trainer.RegularizerWeight(epoch - attemptStart + 1);
            foreach (var (k, v) in values)
            {
                if (!history.TryGetValue(k, out var list)) history[k] = list = [];
                list.Add(v);
            }

            // Decided before the epoch's events, so progress already shows the longer run; the
            // switch to the new attempt comes after them (the snapshots sample the collapsed L).
            double norm = config.CollapseRestarts > 0 ? trainer.LargestGeneratorNorm() : double.PositiveInfinity;
            bool collapsed = norm < config.CollapseNorm;
            bool restart = collapsed && restarts.Count < config.CollapseRestarts;
            int total = restart ? epoch + 1 + config.Epochs : totalEpochs;
            sink.Progress(new JobProgress(epoch + 1, total, step, 0, stepsPerEpoch, clock.Elapsed, clock.Remaining(total - epoch - 1)));
            sink.Metrics(new JobMetrics(epoch, step, values));
            EmitSnapshots(sink, trainer, analysis, epoch, step);

            if (restart)
            {
                int newSeed = RestartSeed(seed, restarts.Count + 1);
                restarts.Add(new CollapseRestart(epoch + 1, norm, newSeed));
                sink.Log(JobLogLevel.Warning, $"L collapsed to the identity at epoch {epoch + 1} (largest |L| {norm:G3} < collapse_norm {config.CollapseNorm}); "
                    + $"starting over from a fresh initialisation with seed {newSeed} (restart {restarts.Count} of at most {config.CollapseRestarts})");
                trainer.Dispose();
                trainer = new LieGanTrainer(config, _data, newSeed, context.Device);
                attemptStart = epoch + 1;
            }
            else if (collapsed && !warnedUnrecovered)
            {
                warnedUnrecovered = true;
                sink.Log(JobLogLevel.Warning, $"L collapsed to the identity at epoch {epoch + 1} and all {config.CollapseRestarts} restarts are used: the run ends as it is");
            }

            // Written after a restart too, so resuming from it continues the new attempt.
            bool last = epoch == total - 1;
            if (config.CheckpointEvery > 0 && ((epoch + 1) % config.CheckpointEvery == 0 || last || restart))
            {
                string path = LieGanCheckpoint.Save(context.WorkDirectory, trainer, new LieGanCheckpointState(
                    config, seed, epoch + 1, step, clock.Elapsed.TotalSeconds, _data.Count, _data.Dimension, history, 0, 0, attemptStart, restarts));
                sink.CheckpointSaved(new JobCheckpointSaved(epoch + 1, step, path));
            }
        }

        analysis ??= LieGanAnalysis.Analyse(trainer.CurrentGenerators(), Reference, points);
        return BuildResult(config, seed, context, clock, history, analysis, restarts);
    }

    /// <summary>The seed of the k-th collapse restart (k >= 1): documented, so a restart can be rerun on its own.</summary>
    public static int RestartSeed(int seed, int k) => unchecked(seed + k * 1_000_003);

    private static Dictionary<string, double> LossValues(EpochLosses l)
    {
        var values = new Dictionary<string, double>
        {
            ["d_real"] = l.DReal,
            ["d_fake"] = l.DFake,
            ["g_adv"] = l.GAdv,
            ["g_reg"] = l.GReg,
        };
        foreach (var (k, v) in l.Regularizers) values[k] = v;
        return values;
    }

    private void EmitSnapshots(IJobSink sink, LieGanTrainer trainer, GeneratorAnalysis a, int epoch, long step)
    {
        sink.Snapshot(new JobSnapshot(epoch, step, "generators", new
        {
            generators = a.Generators.Select(DenseMatrix.ToJagged).ToArray(),
            feature_names = _data.FeatureNames,
        }));
        sink.Snapshot(new JobSnapshot(epoch, step, "invariant_metric", MetricSummary(a)));
        var (real, transformed) = trainer.Samples(_config.SampleCount, epoch);
        sink.Snapshot(new JobSnapshot(epoch, step, "samples", new { feature_names = _data.FeatureNames, real, transformed }));
    }

    private static InvariantMetricSummary MetricSummary(GeneratorAnalysis a) =>
        new(DenseMatrix.ToJagged(a.Metric.J), a.Metric.Eigenvalues, a.Metric.Signature, a.Metric.CosineToReference, a.Metric.Residual);

    /// <summary>First input frame of up to <paramref name="count"/> pairs, spread over the data set.</summary>
    internal static IReadOnlyList<double[]> DataPoints(SymmetryDataset data, int count)
    {
        int n = data.Dimension, stride = Math.Max(1, data.Count / count);
        var points = new List<double[]>();
        for (int i = 0; i < data.Count && points.Count < count; i += stride)
        {
            var p = new double[n];
            for (int k = 0; k < n; k++) p[k] = data.X[(long)i * data.XSteps * n + k];
            points.Add(p);
        }
        return points;
    }

    private JobResult BuildResult(LieGanConfig config, int seed, JobContext context, EpochClock clock,
        Dictionary<string, List<double>> history, GeneratorAnalysis a, IReadOnlyList<CollapseRestart> restarts)
    {
        double Last(string key) => history.TryGetValue(key, out var l) && l.Count > 0 ? l[^1] : double.NaN;
        int? firstAbove = history.TryGetValue("cosine_0", out var cos0) ? cos0.FindIndex(c => c >= 0.99) is var i and >= 0 ? i + 1 : null : null;
        var reference = Reference is null || a.ReferenceCosines is null ? null
            : new ReferenceSummary(Reference.Name, a.ReferenceCosines, a.SubspaceSimilarity, a.OnData, firstAbove);
        // Collapse restarts add epochs to the run: every trained epoch is in the history.
        int epochsRun = history.TryGetValue("epoch_seconds", out var trained) ? trained.Count : config.Epochs;
        var document = new LieGanResultDocument
        {
            Dataset = _data.Name,
            Preset = _preset,
            Seed = seed,
            Epochs = epochsRun,
            Device = context.Device.ToString(),
            Seconds = clock.Elapsed.TotalSeconds,
            EpochSeconds = history.TryGetValue("epoch_seconds", out var es) ? es.ToArray() : [],
            Generators = a.Generators.Select(DenseMatrix.ToJagged).ToArray(),
            Reference = reference,
            InvariantMetric = MetricSummary(a),
            Losses = new LossSummary(Last("d_real"), Last("d_fake"), Last("g_adv"), Last("g_reg")),
            FeatureNames = _data.FeatureNames,
            Config = config,
            Structure = a.Generators.Select(AlgebraStructure.Describe).ToList(),
            Commutators = AlgebraStructure.Commutators(a.Generators),
            DiscreteRotation = a.DiscreteRotation,
            History = history.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()),
            Restarts = restarts.ToList(),
        };

        var key = new Dictionary<string, double>();
        if (a.ReferenceCosines is { } c) key["cosine_0"] = c[0];
        if (a.SubspaceSimilarity is { } s) key["subspace_similarity"] = s;
        if (a.Metric.CosineToReference is { } mc) key["metric_cosine"] = mc;
        if (a.DiscreteRotation is { } d) key["rotation_error"] = d.RelativeError;
        key["d_real"] = Last("d_real");
        key["d_fake"] = Last("d_fake");

        string summary = $"liegan {_data.Name}: {epochsRun} epochs in {clock.Elapsed.TotalSeconds:0.0} s";
        if (restarts is [.., var lastRestart])
            summary += $" ({restarts.Count} collapse restart{(restarts.Count == 1 ? "" : "s")}; the answer is from seed {lastRestart.Seed}, epochs {lastRestart.AfterEpoch + 1}-{epochsRun})";
        if (reference is not null)
        {
            summary += $", |cos| to {reference.Name} {string.Join(" ", reference.Cosine.Select(v => v.ToString("0.0000")))}";
            if (reference.SubspaceSimilarity is { } ss) summary += $", subspace {ss:0.0000}";
        }
        if (a.Metric.CosineToReference is { } m) summary += $", metric |cos| {m:0.0000} {a.Metric.Signature}";
        if (a.DiscreteRotation is { } dr)
            summary += $", exp(L) rotates {dr.Angle * 180 / Math.PI:0.0}° (k={dr.NearestMultiple}, error {dr.RelativeError:P1}, generates "
                + (dr.GeneratedOrder is { } q ? $"C{q}" : "no small cyclic group") + (dr.IsSymmetry() ? $" = C{dr.Order}: target met)" : $", target C{dr.Order} not met)");
        return new JobResult(document, summary, key);
    }
}
