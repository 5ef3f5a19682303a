using System.Text.Json;
using SymmetryExplorer.Compute;
using SymmetryExplorer.Compute.Data.BuiltIn;
using SymmetryExplorer.Compute.Data.Files;
using SymmetryExplorer.Compute.Data.Trajectories;
using SymmetryExplorer.Web.Features.Datasets;
using SymmetryExplorer.Web.Features.Runs.Events;
using SymmetryExplorer.Web.Storage;

namespace SymmetryExplorer.Web.Features.Trajectories;

/// <summary>Trajectory data sets (orbits, samples, particle jets) for LieGAN, read by the engine's trajectory readers.</summary>
public sealed class TrajectoryDatasetHandler : IDatasetKindHandler
{
    /// <summary>Array names inside a generated .npz: the readers take <c>train_coords</c> by default.</summary>
    public const string TrainArray = "train_coords";
    public const string TestArray = "test_coords";

    public string Kind => DatasetKinds.Trajectory;
    public string DisplayName => "Trajectories";
    public IReadOnlyCollection<string> Formats { get; } = ["npy", "npz", "csv", "h5"];
    public Type? PreviewComponent => typeof(TrajectoryPreview);
    public Type? LayoutEditorComponent => typeof(TrajectoryLayoutEditor);

    public IReadOnlyList<BuiltInDatasetInfo> BuiltIns { get; } =
    [
        new("two-body", "Two-body orbits", "Rotations of the plane, so(2), acting on both bodies at once",
            "Training and test orbits of 20 frames (the LieGAN paper's recipe: 814 and 790; train and test start in opposite half-planes).",
            [new("trajectories", "Training orbits", 814, 20, 20000, Help: "Test orbits scale along.")]),
        new("discrete-rotation", "Discrete rotation", "Invariant under rotations by 2π/7 about the z axis (C7), nothing finer",
            "20,000 samples x ~ N(0, I₃) with y = x₃ / (1 + (atan2(x₂, x₁) mod 2π/7))."),
        new("lorentz", "Particle pairs", "Lorentz group so(1,3): labels depend only on invariant masses",
            "Two-particle 4-momenta (E, p) boosted and rotated at random, with a signal/background label (a top-tagging stand-in)."),
        new("three-body", "Three-body orbits", "Rotations of the plane, so(2), acting on all three bodies",
            "Rotating three-body configurations, 12 features per frame.",
            [new("trajectories", "Training orbits", 814, 20, 20000)]),
    ];

    public DatasetInspection Inspect(string path, string format, JsonElement? layout)
    {
        var info = TrajectoryFiles.Inspect(path);
        if (!info.IsUsable) throw new InvalidInputException(string.Join(" ", info.Problems), "file");
        var chosen = layout is { } given ? TrajectoryLayoutJson.Parse(given) : info.SuggestedLayout!;
        string layoutName = layout is null ? info.SuggestedLayoutName : "custom";
        return Describe(path, info, chosen, layoutName);
    }

    public GeneratedDatasetFile Generate(string name, JsonElement? options, int seed, string folder)
    {
        var sizes = options is { ValueKind: JsonValueKind.Object } o ? o.Deserialize<BuiltInOptions>(RunJson.Options) : null;
        // Cards set only the training size: keep the recipe's train/test proportion.
        if (sizes is { Trajectories: > 0, TestTrajectories: 0 } && name is "two-body" or "three-body")
            sizes = sizes with { TestTrajectories = Math.Max(2, (int)Math.Round(sizes.Trajectories * 790.0 / 814)) };
        var generated = BuiltInTrajectoryDatasets.Generate(name, seed, sizes);
        var arrays = new Dictionary<string, NdArray> { [TrainArray] = generated.Train.Values };
        if (generated.Train.Labels is { } labels) arrays["labels"] = labels;
        else if (generated.Test is { } test) arrays[TestArray] = test.Values; // a labelled test split would need its own labels array
        string file = Path.Combine(folder, "data.npz");
        NpzArchive.Write(file, arrays);

        var info = TrajectoryFiles.Inspect(file);
        if (!info.IsUsable) throw new InvalidOperationException($"Generated {name} does not read back: {string.Join(" ", info.Problems)}");
        var inspection = Describe(file, info, generated.Layout, name);
        string title = BuiltIns.FirstOrDefault(b => b.Name == name)?.Title ?? name;
        return new GeneratedDatasetFile("data.npz", "npz", inspection, $"{title} (seed {seed})");
    }

    public object Preview(string path, string format, JsonElement layout) =>
        TrajectoryPreviewBuilder.Build(path, TrajectoryLayoutJson.Parse(layout));

    private static DatasetInspection Describe(string path, TrajectoryFileInfo info, TrajectoryLayout layout, string layoutName)
    {
        int n = info.Shape[0], t = info.Shape[1], f = info.Shape[2];
        // Cutting the pairs checks the layout against the data (frames, permutation, vector groups).
        var pairs = TrajectoryFiles.Load(path, layout);
        int? testTrajectories = info.Format == "npz" && NpzArchive.List(path).Contains(TestArray) ? NpzArchive.Read(path, TestArray).Shape[0] : null;
        var details = new Dictionary<string, object?>
        {
            ["format"] = info.Format,
            ["dtype"] = info.DType,
            ["array"] = info.ArrayName,
            ["trajectories"] = n,
            ["frames"] = t,
            ["features"] = f,
            ["held_out_test_trajectories"] = testTrajectories,
            ["class_labels"] = info.HasLabels,
            ["layout"] = layoutName,
            ["group_dimension"] = pairs.Dimension,
            ["training_pairs"] = pairs.Count,
            ["feature_names"] = string.Join(", ", pairs.FeatureNames),
            ["vectors"] = string.Join(", ", pairs.VectorGroups.Select(g => $"{g.Name}[{string.Join(",", g.Features)}]")),
        };
        string what = layout.Target switch
        {
            TargetKind.Class => $"{n:N0} samples × {t} particles × {f} features, with class labels",
            TargetKind.Scalar => $"{n:N0} samples of {f} features (one is the invariant target)",
            _ => $"{n:N0} trajectories × {t} frames × {f} features",
        };
        string summary = $"{what}; {pairs.Count:N0} training pairs in {pairs.Dimension} dimensions ({layoutName} layout)"
                         + (testTrajectories is { } tt ? $"; {tt:N0} held-out test trajectories" : "") + ".";
        return new DatasetInspection(info.Shape, TrajectoryLayoutJson.ToElement(layout), RunJson.ToElement(details), summary);
    }
}
