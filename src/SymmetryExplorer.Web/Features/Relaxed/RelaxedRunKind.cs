using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
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

    internal static readonly JsonSerializerOptions ConfigJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        IgnoreReadOnlyProperties = true,
    };

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
        .Select(m => new RunPreset(m, ModelDescriptions.GetValueOrDefault(m, m), JsonSerializer.SerializeToElement(RelaxedPresets.For(m), ConfigJson)))
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
        var config = Merge(basis, overrides);
        config.Validate();
        return new PreparedRun(JsonSerializer.Serialize(config, ConfigJson), config.Epochs, model);
    }

    public ITrainingJob CreateJob(RunRecord run, DatasetRecord dataset, string datasetPath)
    {
        var config = JsonSerializer.Deserialize<RelaxedConfig>(run.ConfigJson, ConfigJson)!;
        var layout = FlowLayout.Parse(RunJson.Parse(dataset.LayoutJson));
        var data = FlowFiles.Load(datasetPath, layout.ArrayName);
        return new RelaxedJob(config, layout.ToDataset(dataset.Name, data), run.Seed);
    }

    private static RelaxedConfig Merge(RelaxedConfig basis, JsonElement? overrides)
    {
        if (overrides is not { ValueKind: JsonValueKind.Object } values) return basis;
        var merged = JsonSerializer.SerializeToNode(basis, ConfigJson)!.AsObject();
        foreach (var p in values.EnumerateObject()) merged[p.Name] = JsonNode.Parse(p.Value.GetRawText());
        try
        {
            return merged.Deserialize<RelaxedConfig>(ConfigJson)!;
        }
        catch (JsonException ex)
        {
            string? field = ex.Path?.TrimStart('$', '.').Split('.', '[')[0];
            string what = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? $"'{field}' is not a relaxed-training setting."
                : $"'{field}' has the wrong type of value.";
            throw new InvalidInputException($"{what} GET /api/run-kinds lists every setting with its preset values.", string.IsNullOrEmpty(field) ? "config" : field, ex);
        }
    }
}
