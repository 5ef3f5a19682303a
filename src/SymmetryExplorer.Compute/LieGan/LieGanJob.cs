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
        var sink = context.Sink;
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

        using var trainer = new LieGanTrainer(config, _data, seed, context.Device);
        var history = resumed?.History ?? new Dictionary<string, List<double>>();
        int startEpoch = 0;
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
        for (int epoch = startEpoch; epoch < config.Epochs; epoch++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            clock.StartEpoch();
            long epochStartStep = step;
            int currentEpoch = epoch;
            losses = trainer.TrainEpoch(epoch, (batch, batchLosses) =>
            {
                long globalStep = epochStartStep + batch;
                if (config.ReportEveryBatches > 0 && batch % config.ReportEveryBatches == 0 && batch < stepsPerEpoch)
                {
                    sink.Progress(new JobProgress(currentEpoch, config.Epochs, globalStep, batch, stepsPerEpoch, clock.Elapsed,
                        clock.Remaining(config.Epochs - currentEpoch - 1, 1 - (double)batch / stepsPerEpoch)));
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
            values["learning_rate_g"] = trainer.GeneratorLearningRate(epoch + 1);
            if (config.LambdaFinal is not null) values["lambda"] = trainer.RegularizerWeight(epoch + 1);
            foreach (var (k, v) in values)
            {
                if (!history.TryGetValue(k, out var list)) history[k] = list = [];
                list.Add(v);
            }

            sink.Progress(new JobProgress(epoch + 1, config.Epochs, step, 0, stepsPerEpoch, clock.Elapsed, clock.Remaining(config.Epochs - epoch - 1)));
            sink.Metrics(new JobMetrics(epoch, step, values));
            EmitSnapshots(sink, trainer, analysis, epoch, step);

            bool last = epoch == config.Epochs - 1;
            if (config.CheckpointEvery > 0 && ((epoch + 1) % config.CheckpointEvery == 0 || last))
            {
                string path = LieGanCheckpoint.Save(context.WorkDirectory, trainer, new LieGanCheckpointState(
                    config, seed, epoch + 1, step, clock.Elapsed.TotalSeconds, _data.Count, _data.Dimension, history, 0, 0));
                sink.CheckpointSaved(new JobCheckpointSaved(epoch + 1, step, path));
            }
        }

        analysis ??= LieGanAnalysis.Analyse(trainer.CurrentGenerators(), Reference, points);
        return BuildResult(config, seed, context, clock, history, analysis, losses);
    }

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
        Dictionary<string, List<double>> history, GeneratorAnalysis a, EpochLosses? losses)
    {
        double Last(string key) => history.TryGetValue(key, out var l) && l.Count > 0 ? l[^1] : double.NaN;
        int? firstAbove = history.TryGetValue("cosine_0", out var cos0) ? cos0.FindIndex(c => c >= 0.99) is var i and >= 0 ? i + 1 : null : null;
        var reference = Reference is null || a.ReferenceCosines is null ? null
            : new ReferenceSummary(Reference.Name, a.ReferenceCosines, a.SubspaceSimilarity, a.OnData, firstAbove);
        var document = new LieGanResultDocument
        {
            Dataset = _data.Name,
            Preset = _preset,
            Seed = seed,
            Epochs = config.Epochs,
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
        };

        var key = new Dictionary<string, double>();
        if (a.ReferenceCosines is { } c) key["cosine_0"] = c[0];
        if (a.SubspaceSimilarity is { } s) key["subspace_similarity"] = s;
        if (a.Metric.CosineToReference is { } mc) key["metric_cosine"] = mc;
        if (a.DiscreteRotation is { } d) key["rotation_error"] = d.RelativeError;
        key["d_real"] = Last("d_real");
        key["d_fake"] = Last("d_fake");

        string summary = $"liegan {_data.Name}: {config.Epochs} epochs in {clock.Elapsed.TotalSeconds:0.0} s";
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
