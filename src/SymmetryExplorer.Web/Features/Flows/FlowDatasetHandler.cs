using System.Text.Json;
using SymmetryExplorer.Compute;
using SymmetryExplorer.Compute.Flows.Datasets;
using SymmetryExplorer.Compute.Flows.Files;
using SymmetryExplorer.Web.Features.Datasets;
using SymmetryExplorer.Web.Features.Runs.Events;
using SymmetryExplorer.Web.Storage;

namespace SymmetryExplorer.Web.Features.Flows;

/// <summary>Flow data sets (velocity fields, (S, T, 2, H, W)) for relaxed-equivariant training.</summary>
public sealed class FlowDatasetHandler : IDatasetKindHandler
{
    /// <summary>Seed of the Domain split drawn for uploaded files (stored with the data set, so runs agree).</summary>
    public const int UploadSplitSeed = 0;

    public string Kind => DatasetKinds.Flow;
    public string DisplayName => "Flow fields";
    public IReadOnlyCollection<string> Formats { get; } = ["npy", "npz", "h5"];
    public Type? PreviewComponent => typeof(FlowPreview);
    public Type? LayoutEditorComponent => null;

    public IReadOnlyList<BuiltInDatasetInfo> BuiltIns { get; } = BuiltInFlowDatasets.All.Select(Card).ToList();

    private static BuiltInDatasetInfo Card(BuiltInFlowDatasetInfo info)
    {
        var options = new List<BuiltInOption>
        {
            new("grid", "Grid (cells a side)", 32, 16, 128, 8, "The paper uses 64."),
            new("frames", "Frames", 100, 90, 600, 10, "The paper uses 300."),
            new("simulations", "Simulations", info.DefaultSimulations, info.Name == "smoke-translation" ? 2 : 8, 400),
        };
        if (info.UsesDial) options.Add(new("dial", "Symmetry breaking (0-1)", 0.5, 0, 1, 0.1, "0 is exactly symmetric."));
        string title = info.Name switch
        {
            "smoke-rotation" => "Smoke plumes: rotation",
            "smoke-translation" => "Smoke plumes: translation",
            _ => "Smoke plumes: symmetry dial",
        };
        string symmetry = info.Symmetry == "rotation"
            ? "Quarter-turn rotations (C4), broken by unequal forcing"
            : "Horizontal translations, broken by uneven buoyancy";
        return new BuiltInDatasetInfo(info.Name, title, symmetry, info.Description, options);
    }

    public DatasetInspection Inspect(string path, string format, JsonElement? layout)
    {
        var info = FlowFiles.Inspect(path);
        if (!info.IsUsable) throw new InvalidInputException($"{Path.GetFileName(path)}: {string.Join("; ", info.Problems)}.", "file");
        var chosen = layout is { } given
            ? FlowLayout.Parse(given).Validate(info.Simulations)
            : FlowLayout.From(FlowSplitPlan.Random(info.Simulations, UploadSplitSeed), info.ArrayName);
        var details = new Dictionary<string, object?>
        {
            ["format"] = info.Format,
            ["dtype"] = info.Dtype,
            ["array"] = info.ArrayName,
            ["simulations"] = info.Simulations,
            ["frames"] = info.Frames,
            ["grid"] = $"{info.Height} x {info.Width}",
            ["training_simulations"] = chosen.TrainSimulations.Count,
            ["held_out_simulations"] = chosen.DomainSimulations.Count,
        };
        return new DatasetInspection([.. info.Shape.Select(d => (int)d)], chosen.ToElement(), RunJson.ToElement(details), Summary(info.Simulations, info.Frames, info.Height, info.Width, chosen));
    }

    public GeneratedDatasetFile Generate(string name, JsonElement? options, int seed, string folder)
    {
        var generation = options is { ValueKind: JsonValueKind.Object } o
            ? o.Deserialize<FlowGenerationOptions>(RunJson.Options) ?? new FlowGenerationOptions()
            : new FlowGenerationOptions { Grid = 32, Frames = 100 };
        var dataset = BuiltInFlowDatasets.Generate(name, generation, seed);
        string file = Path.Combine(folder, "data.npy");
        FlowFiles.SaveNpy(file, dataset.Data);

        var layout = FlowLayout.From(dataset.Split);
        var inspection = Inspect(file, "npy", layout.ToElement());
        var details = JsonSerializer.Deserialize<Dictionary<string, object?>>(inspection.Details.GetRawText())!;
        if (dataset.Equivariance is { } eq)
        {
            details["data_equivariance_error"] = eq.Relative;
            foreach (var (element, value) in eq.PerElement) details[$"data_equivariance_{element}"] = value;
            details["equivariance_measured_by"] = eq.Method;
        }
        if (dataset.Simulator is { } sim)
        {
            details["max_divergence_after_projection"] = sim.MaxDivergenceAfterProjection;
            details["max_speed"] = sim.MaxSpeed;
        }
        if (generation.Dial > 0 || name == "smoke-dial") details["dial"] = generation.Dial;
        string title = BuiltIns.First(b => b.Name == name).Title;
        string summary = inspection.Summary + (dataset.Equivariance is { } e ? $" Measured data-level equivariance error {e.Relative:0.###}." : "");
        return new GeneratedDatasetFile("data.npy", "npy",
            inspection with { Details = RunJson.ToElement(details), Summary = summary },
            $"{title} ({generation.Grid}², seed {seed}{(name == "smoke-dial" ? $", dial {generation.Dial:0.##}" : "")})");
    }

    public object Preview(string path, string format, JsonElement layout) =>
        FlowPreviewBuilder.Build(FlowFiles.Load(path), FlowLayout.Parse(layout));

    private static string Summary(int s, int t, int h, int w, FlowLayout layout) =>
        $"{s} simulation{(s == 1 ? "" : "s")} × {t} frames of {h} × {w} velocity fields; {layout.TrainSimulations.Count} train, {layout.DomainSimulations.Count} held out for the Domain test.";
}
