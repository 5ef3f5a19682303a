using System.Text.Json;
using SymmetryExplorer.Compute;
using SymmetryExplorer.Compute.Data.Trajectories;
using SymmetryExplorer.Compute.Jobs;
using SymmetryExplorer.Compute.LieGan;
using SymmetryExplorer.Web.Features.Runs.Events;
using SymmetryExplorer.Web.Features.Runs.Kinds;
using SymmetryExplorer.Web.Features.Trajectories;
using SymmetryExplorer.Web.Storage;

namespace SymmetryExplorer.Web.Features.LieGan;

/// <summary>LieGAN symmetry discovery as a run kind of the web app.</summary>
public sealed class LieGanRunKind : IRunKind
{
    public const string Name = "liegan";

    public string Kind => Name;
    public string DisplayName => "LieGAN discovery";
    public string Description => "Learn the Lie algebra of the group that leaves trajectory data unchanged.";
    public string DatasetKind => DatasetKinds.Trajectory;
    public Type? PanelComponent => typeof(LieGanRunPanel);
    public Type? CompareComponent => typeof(LieGanCompare);

    public IReadOnlyList<RunPreset> Presets { get; } = LieGanPresets.All
        .Select(p => new RunPreset(p.Name, p.Description, RunConfigJson.ToElement(p.Config)))
        .ToList();

    public IReadOnlyList<MetricChartSpec> Charts { get; } =
    [
        new("losses", "Losses", ["d_real", "d_fake", "g_adv", "g_reg", "reg_"], "loss"),
        new("similarity", "Similarity to the reference", ["cosine_", "subspace_similarity", "metric_cosine", "on_data_scale", "live_cosine_", "live_subspace_similarity"], "|cos|"),
        new("residuals", "Residuals: invariant metric and on-data fit", ["metric_residual", "on_data_residual", "closure"], "residual", LogY: true),
        new("norms", "Generator norms, learning rate and lambda", ["norm_", "learning_rate", "lambda"], "value", LogY: true),
    ];

    public IReadOnlyDictionary<string, ConfigFieldHint> FieldHints => LieGanFieldHints.All;

    public string SuggestPreset(DatasetRecord dataset)
    {
        if (dataset.BuiltinName is { } builtin) return LieGanDataSource.DefaultPreset(builtin);
        string layoutName = dataset.DetailsJson is null ? "" : RunJson.Parse(dataset.DetailsJson).TryGetProperty("layout", out var l) ? l.GetString() ?? "" : "";
        return layoutName switch
        {
            "particles" => "lorentz",
            "discrete-rotation" => "discrete-rotation",
            "three-body" => "three-body",
            _ => "two-body",
        };
    }

    public PreparedRun Prepare(string? preset, JsonElement? overrides, DatasetRecord dataset, string datasetPath)
    {
        string presetName = preset ?? SuggestPreset(dataset);
        var basis = LieGanPresets.Get(presetName).Config;
        var config = RunConfigJson.Merge(basis, overrides, "LieGAN").Validate();
        CheckAgainstData(config, dataset);
        return new PreparedRun(RunConfigJson.Serialize(config), config.Epochs, presetName);
    }

    public ITrainingJob CreateJob(RunRecord run, DatasetRecord dataset, string datasetPath)
    {
        var config = RunConfigJson.Deserialize<LieGanConfig>(run.ConfigJson);
        var layout = TrajectoryLayoutJson.Parse(RunJson.Parse(dataset.LayoutJson));
        var pairs = TrajectoryFiles.Load(datasetPath, layout);
        // The stored file is always data.*: give the job the data set's own name for its summary and result.
        var named = new SymmetryDataset(dataset.Name, pairs.X, pairs.Count, pairs.XSteps, pairs.Dimension, pairs.Y, pairs.YSteps,
            pairs.YWidth, pairs.Target, pairs.ClassCount, pairs.FeatureNames, pairs.VectorGroups);
        return new LieGanJob(config, named, run.Seed, run.Preset);
    }

    /// <summary>Cheap checks that need the data's shape: a user mask must be n x n.</summary>
    private static void CheckAgainstData(LieGanConfig config, DatasetRecord dataset)
    {
        if (config.Mask is null || dataset.DetailsJson is null) return;
        if (!RunJson.Parse(dataset.DetailsJson).TryGetProperty("group_dimension", out var dim)) return;
        int n = dim.GetInt32();
        if (config.Mask.Length != n || config.Mask.Any(row => row.Length != n))
            throw new InvalidInputException($"The mask must be {n} x {n} for this data set (its group acts on {n} features).", "mask");
    }
}
