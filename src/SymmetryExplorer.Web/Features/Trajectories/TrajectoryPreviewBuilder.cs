using SymmetryExplorer.Compute.Data.Files;
using SymmetryExplorer.Compute.Data.Trajectories;
using SymmetryExplorer.Web.Components.Charts;

namespace SymmetryExplorer.Web.Features.Trajectories;

/// <summary>
/// Builds preview plots of a trajectory file: paths in the plane of the first vectors for a
/// handful of train and test trajectories (so the split is visible), one feature over time, and,
/// for sample sets with one frame, a scatter of the first vector.
/// </summary>
public static class TrajectoryPreviewBuilder
{
    private const int PathsPerSplit = 12;
    private const int MaxPoints = 2000;

    public static PreviewModel Build(string path, TrajectoryLayout layout)
    {
        var train = TrajectoryFiles.Read(path);
        NdArray? test = Path.GetExtension(path).Equals(".npz", StringComparison.OrdinalIgnoreCase)
                        && NpzArchive.List(path).Contains(TrajectoryDatasetHandler.TestArray)
            ? NpzArchive.Read(path, TrajectoryDatasetHandler.TestArray)
            : null;

        int features = train.Values.Shape[2];
        string[] names = layout.ResolveFeatureNames(features);
        int[] perm = layout.Permutation ?? Enumerable.Range(0, features).ToArray();
        var planes = layout.VectorGroups.Where(g => g.Dimension >= 2).Take(2)
            .Select(g => (g.Name, X: g.Features[0], Y: g.Features[1])).ToList();
        if (planes.Count == 0 && names.Length >= 2) planes.Add(("features 0-1", 0, 1));

        var panels = new List<PreviewPanel>();
        bool trajectories = layout.Target == TargetKind.Vector && train.Values.Shape[1] > 1;
        if (trajectories)
        {
            foreach (var (group, xi, yi) in planes)
            {
                var traces = Paths(train.Values, "train", perm, xi, yi).Concat(test is null ? [] : Paths(test, "test", perm, xi, yi)).ToList();
                panels.Add(new PreviewPanel($"{group}: paths in the plane", names[xi], names[yi], "lines", traces, EqualAxes: true));
            }
            var overTime = TimeSeries(train.Values, "train", perm, 0).Concat(test is null ? [] : TimeSeries(test, "test", perm, 0)).ToList();
            panels.Add(new PreviewPanel($"{names[0]} over time", "frame", names[0], "lines", overTime));
        }
        else
        {
            var labels = train.Labels;
            foreach (var (group, xi, yi) in planes.Take(1))
                panels.Add(new PreviewPanel($"{group}: samples", names[xi], names[yi], "markers", Samples(train.Values, labels, perm, xi, yi), EqualAxes: true));
        }
        string note = test is null
            ? "No held-out split in this file: LieGAN trains on every pair. (An .npz with train_coords and test_coords keeps a test split.)"
            : $"{train.Values.Shape[0]:N0} training and {test.Shape[0]:N0} held-out test trajectories; {PathsPerSplit} of each drawn.";
        return new PreviewModel(panels, note);
    }

    private static IEnumerable<PreviewTrace> Paths(NdArray a, string split, int[] perm, int xi, int yi)
    {
        int n = a.Shape[0], t = a.Shape[1], f = a.Shape[2];
        foreach (int i in Pick(n, PathsPerSplit))
        {
            var x = new double[t];
            var y = new double[t];
            for (int s = 0; s < t; s++)
            {
                x[s] = a.Data[((long)i * t + s) * f + perm[xi]];
                y[s] = a.Data[((long)i * t + s) * f + perm[yi]];
            }
            yield return new PreviewTrace($"{split} #{i}", split, x, y);
        }
    }

    private static IEnumerable<PreviewTrace> TimeSeries(NdArray a, string split, int[] perm, int feature)
    {
        int n = a.Shape[0], t = a.Shape[1], f = a.Shape[2];
        foreach (int i in Pick(n, PathsPerSplit / 2))
        {
            var x = Enumerable.Range(0, t).Select(s => (double)s).ToArray();
            var y = Enumerable.Range(0, t).Select(s => a.Data[((long)i * t + s) * f + perm[feature]]).ToArray();
            yield return new PreviewTrace($"{split} #{i}", split, x, y);
        }
    }

    private static IReadOnlyList<PreviewTrace> Samples(NdArray a, NdArray? labels, int[] perm, int xi, int yi)
    {
        int n = a.Shape[0], t = a.Shape[1], f = a.Shape[2];
        var groups = new Dictionary<string, (List<double> X, List<double> Y)>();
        foreach (int i in Pick(n, MaxPoints))
        {
            string group = labels is null ? "samples" : $"class {labels.Data[i]:0}";
            if (!groups.TryGetValue(group, out var g)) groups[group] = g = ([], []);
            g.X.Add(a.Data[(long)i * t * f + perm[xi]]);
            g.Y.Add(a.Data[(long)i * t * f + perm[yi]]);
        }
        return groups.OrderBy(g => g.Key).Select(g => new PreviewTrace(g.Key, g.Key, g.Value.X.ToArray(), g.Value.Y.ToArray())).ToList();
    }

    /// <summary>Evenly spread indices, so the preview covers the whole file, not just its start.</summary>
    private static IEnumerable<int> Pick(int n, int count) =>
        n <= count ? Enumerable.Range(0, n) : Enumerable.Range(0, count).Select(k => (int)((long)k * n / count));
}
