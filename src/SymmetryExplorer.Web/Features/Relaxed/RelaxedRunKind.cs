using System.Text.Json;
using SymmetryExplorer.Compute;
using SymmetryExplorer.Compute.Flows.Files;
using SymmetryExplorer.Compute.Jobs;
using SymmetryExplorer.Compute.Relaxed;
using SymmetryExplorer.Compute.Relaxed.Training;
using SymmetryExplorer.Web.Features.Flows;
using SymmetryExplorer.Web.Features.Runs.Events;
using SymmetryExplorer.Web.Features.Runs.Kinds;
using SymmetryExplorer.Web.Storage;

namespace SymmetryExplorer.Web.Features.Relaxed;

/// <summary>Relaxed-equivariant dynamics training (and its strict and unconstrained baselines) as a run kind.</summary>
public sealed class RelaxedRunKind : IRunKind
{
    public const string Name = RelaxedJob.JobKind;

    private static readonly Dictionary<string, string> ModelDescriptions = new()
    {
        ["conv"] = "ConvNet: no symmetry built in (the unconstrained baseline).",
        ["gconv"] = "Strict C4 group CNN: exactly rotation-equivariant.",
        ["rgroup"] = "RGroup: relaxed group convolution, starts equivariant and relaxes where the data are not.",
        ["steer"] = "Strict steerable CNN on a computed equivariant kernel basis.",
        ["rsteer"] = "RSteer: relaxed steerable CNN, per-tap coefficients that start tied.",
        ["rtrans"] = "Relaxed translation convolution: per-pixel mixing of L convolutions.",
    };

    public string Kind => Name;
    public string DisplayName => "Relaxed-equivariant training";
    public string Description => "Train a flow predictor that is equivariant where the data are and relaxes where they are not.";
    public string DatasetKind => DatasetKinds.Flow;
    public Type? PanelComponent => typeof(RelaxedRunPanel);
    public Type? CompareComponent => typeof(RelaxedCompare);

    public IReadOnlyList<RunPreset> Presets { get; } = RelaxedPresets.Names
        .Select(m => new RunPreset(m, ModelDescriptions.GetValueOrDefault(m, m), RunConfigJson.ToElement(RelaxedPresets.For(m))))
        .ToList();

    public IReadOnlyList<MetricChartSpec> Charts { get; } =
    [
        new("losses", "Training and validation loss", ["train_loss", "valid_loss", "best_valid_loss"], "MSE / RMSE", LogY: true),
        new("equivariance", "Equivariance error per rotation", ["ee_"], "relative error", LogY: true),
        new("drift", "Relaxed weights: drift from tied, per layer", ["drift_", "penalty"], "drift", LogY: true),
        new("lr", "Learning rate", ["lr"], "lr", LogY: true),
    ];

    public IReadOnlyDictionary<string, ConfigFieldHint> FieldHints => RelaxedFieldHints.All;

    public string SuggestPreset(DatasetRecord dataset) => "rgroup";

    public PreparedRun Prepare(string? preset, JsonElement? overrides, DatasetRecord dataset, string datasetPath)
    {
        string model = preset ?? SuggestPreset(dataset);
        var basis = RelaxedPresets.For(model);
        var config = RunConfigJson.Merge(basis, overrides, "relaxed-training");
        config.Validate();
        return new PreparedRun(RunConfigJson.Serialize(config), config.Epochs, model);
    }

    public ITrainingJob CreateJob(RunRecord run, DatasetRecord dataset, string datasetPath)
    {
        var config = RunConfigJson.Deserialize<RelaxedConfig>(run.ConfigJson);
        var layout = FlowLayout.Parse(RunJson.Parse(dataset.LayoutJson));
        var data = FlowFiles.Load(datasetPath, layout.ArrayName);
        return new RelaxedJob(config, layout.ToDataset(dataset.Name, data), run.Seed);
    }

}
