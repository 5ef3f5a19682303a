using SymmetryExplorer.Compute.Data.Files;

namespace SymmetryExplorer.Compute.Data.Trajectories;

/// <summary>
/// Entry point for trajectory files a user brings: .npy, .npz, .csv, .h5 (a dataset of shape
/// (N, T, F), or a pandas top-tagging <c>table</c>). <see cref="Inspect"/> never throws for a bad
/// file (it lists the problems); <see cref="Read"/> and <see cref="Load"/> throw
/// <see cref="InvalidInputException"/> with the first problem.
/// </summary>
public static class TrajectoryFiles
{
    public static readonly IReadOnlyList<string> Extensions = [".npy", ".npz", ".csv", ".h5", ".hdf5"];

    /// <summary>Top-tagging table rows read by default (the full file has 1.2 million jets).</summary>
    public const int DefaultTableRows = 200_000;

    /// <summary>Shape, type, problems and a suggested layout for a file.</summary>
    public static TrajectoryFileInfo Inspect(string path, string? arrayName = null)
    {
        string format = FormatOf(path);
        TrajectoryArray data;
        try
        {
            data = Read(path, arrayName);
        }
        catch (InvalidInputException ex)
        {
            return new TrajectoryFileInfo(format, [], "", [ex.Message], null, "none", arrayName, false, 0);
        }
        var problems = TrajectoryChecks.Problems(data.Values).ToList();
        var shape = data.Values.Shape;
        if (problems.Count > 0 || shape.Length != 3)
            return new TrajectoryFileInfo(data.Format, shape, data.Values.DType, problems, null, "none", data.ArrayName, data.Labels is not null, 0);

        var (layout, layoutName) = Suggest(data);
        int pairs = 0;
        try
        {
            pairs = TrajectoryWindows.Build(Path.GetFileName(path), data.Values, layout, data.Labels).Count;
        }
        catch (InvalidInputException ex)
        {
            problems.Add(ex.Message);
        }
        return new TrajectoryFileInfo(data.Format, shape, data.Values.DType, problems, problems.Count == 0 ? layout : null,
            layoutName, data.ArrayName, data.Labels is not null, pairs);
    }

    /// <summary>Reads the raw (N, T, F) array (and labels) without windowing.</summary>
    public static TrajectoryArray Read(string path, string? arrayName = null, int maxTableRows = DefaultTableRows, int tableParticles = 2)
    {
        if (!File.Exists(path)) throw new InvalidInputException($"File not found: {path}", "file");
        string format = FormatOf(path);
        switch (format)
        {
            case "npy":
                return new TrajectoryArray(NpyReader.Read(path), null, "npy", null);
            case "npz":
            {
                string name = arrayName ?? DefaultNpzMember(path);
                var labels = arrayName is null && NpzArchive.List(path).Contains("labels") ? NpzArchive.Read(path, "labels") : null;
                return new TrajectoryArray(NpzArchive.Read(path, name), labels, "npz", name);
            }
            case "csv":
                return CsvTrajectories.Read(path);
            case "h5":
                if (arrayName is null && Hdf5Arrays.HasPandasTable(path))
                    return TopTaggingTable.Read(path, tableParticles, maxTableRows);
                var array = Hdf5Arrays.Read(path, arrayName);
                return new TrajectoryArray(array, null, "h5", arrayName);
            default:
                throw new InvalidInputException($"{Path.GetFileName(path)}: unsupported file type; upload {string.Join(", ", Extensions)}.", "file");
        }
    }

    /// <summary>Reads a file and cuts it into LieGAN pairs with <paramref name="layout"/> (default: the suggested one).</summary>
    public static SymmetryDataset Load(string path, TrajectoryLayout? layout = null, string? arrayName = null)
    {
        var data = Read(path, arrayName, tableParticles: layout?.Target == TargetKind.Class ? layout.FramesIn : 2);
        TrajectoryChecks.RequireTrajectoryArray(data.Values, Path.GetFileName(path));
        layout ??= Suggest(data).Layout;
        return TrajectoryWindows.Build(Path.GetFileNameWithoutExtension(path), data.Values, layout, data.Labels);
    }

    /// <summary>A layout that fits the array: the file's own (CSV), a named one recognised by feature count, or a generic one.</summary>
    public static (TrajectoryLayout Layout, string Name) Suggest(TrajectoryArray data)
    {
        if (data.NaturalLayout is { } natural) return (natural, data.Format == "h5-table" ? "particles" : "from-file");
        int T = data.Values.Shape[1], F = data.Values.Shape[2];
        if (data.Labels is not null)
            return F == 4 ? (TrajectoryLayout.Particles(T), "particles")
                : (new TrajectoryLayout { FramesIn = T, FramesOut = 0, Target = TargetKind.Class }, "generic");
        if (F == 8 && T >= 3) return (TrajectoryLayout.TwoBody(), "two-body");
        if (F == 12 && T >= 3) return (TrajectoryLayout.ThreeBody(), "three-body");
        if (F == 4 && T == 1) return (TrajectoryLayout.DiscreteRotation() with { TargetFeature = 3 }, "discrete-rotation");
        var generic = new TrajectoryLayout
        {
            FramesIn = 1,
            FramesOut = 1,
            DropLastWindow = T > 2,
            VectorGroups = F % 2 == 0 ? Enumerable.Range(0, F / 2).Select(i => new VectorGroup($"v{i}", [2 * i, 2 * i + 1])).ToList() : [],
        };
        return (generic, "generic");
    }

    public static string FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".npy" => "npy",
        ".npz" => "npz",
        ".csv" => "csv",
        ".h5" or ".hdf5" or ".hdf" => "h5",
        var ext => ext.TrimStart('.'),
    };

    private static string DefaultNpzMember(string path)
    {
        var names = NpzArchive.List(path).Where(n => n != "labels").ToList();
        if (names.Count == 1) return names[0];
        return new[] { "coords", "train_coords", "data", "x", "arr_0" }.FirstOrDefault(names.Contains)
            ?? throw new InvalidInputException($"{Path.GetFileName(path)}: the archive holds several arrays ({string.Join(", ", names)}); say which one to use.", "array");
    }
}
