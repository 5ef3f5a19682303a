using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
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

    /// <summary>How a configuration is stored and edited: snake_case, and a mistyped key is an error, not silently ignored.</summary>
    internal static readonly JsonSerializerOptions ConfigJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        IgnoreReadOnlyProperties = true, // derived values (e.g. the effective init scale) are not settings
    };

    public string Kind => Name;
    public string DisplayName => "LieGAN discovery";
    public string Description => "Learn the Lie algebra of the group that leaves trajectory data unchanged.";
    public string DatasetKind => DatasetKinds.Trajectory;
    public Type? PanelComponent => typeof(LieGanRunPanel);
    public Type? CompareComponent => typeof(LieGanCompare);

    public IReadOnlyList<RunPreset> Presets { get; } = LieGanPresets.All
        .Select(p => new RunPreset(p.Name, p.Description, JsonSerializer.SerializeToElement(p.Config, ConfigJson)))
        .ToList();

    public IReadOnlyList<MetricChartSpec> Charts { get; } =
    [
        new("losses", "Losses", ["d_real", "d_fake", "g_adv", "g_reg", "reg_"], "loss"),
        new("similarity", "Similarity to the reference", ["cosine_", "subspace_similarity", "metric_cosine", "on_data_scale"], "|cos|"),
        new("residuals", "Residuals: invariant metric and on-data fit", ["metric_residual", "on_data_residual", "closure"], "residual", LogY: true),
        new("norms", "Generator norms and learning rate", ["norm_", "learning_rate"], "value", LogY: true),
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
        var config = Merge(basis, overrides).Validate();
        CheckAgainstData(config, dataset);
        return new PreparedRun(JsonSerializer.Serialize(config, ConfigJson), config.Epochs, presetName);
    }

    public ITrainingJob CreateJob(RunRecord run, DatasetRecord dataset, string datasetPath)
    {
        var config = JsonSerializer.Deserialize<LieGanConfig>(run.ConfigJson, ConfigJson)!;
        var layout = TrajectoryLayoutJson.Parse(RunJson.Parse(dataset.LayoutJson));
        var pairs = TrajectoryFiles.Load(datasetPath, layout);
        // The stored file is always data.*: give the job the data set's own name for its summary and result.
        var named = new SymmetryDataset(dataset.Name, pairs.X, pairs.Count, pairs.XSteps, pairs.Dimension, pairs.Y, pairs.YSteps,
            pairs.YWidth, pairs.Target, pairs.ClassCount, pairs.FeatureNames, pairs.VectorGroups);
        return new LieGanJob(config, named, run.Seed, run.Preset);
    }

    /// <summary>The preset's configuration with the given values put over it.</summary>
    internal static LieGanConfig Merge(LieGanConfig basis, JsonElement? overrides)
    {
        if (overrides is not { ValueKind: JsonValueKind.Object } values) return basis;
        var merged = JsonSerializer.SerializeToNode(basis, ConfigJson)!.AsObject();
        foreach (var p in values.EnumerateObject()) merged[p.Name] = JsonNode.Parse(p.Value.GetRawText());
        try
        {
            return merged.Deserialize<LieGanConfig>(ConfigJson)!;
        }
        catch (JsonException ex)
        {
            string? field = ex.Path?.TrimStart('$', '.').Split('.', '[')[0];
            string what = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? $"'{field}' is not a LieGAN setting."
                : $"'{field}' has the wrong type of value.";
            throw new InvalidInputException($"{what} GET /api/run-kinds lists every setting with its preset values.", string.IsNullOrEmpty(field) ? "config" : field, ex);
        }
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
