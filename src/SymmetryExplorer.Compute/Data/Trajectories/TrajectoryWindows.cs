using SymmetryExplorer.Compute.Data.Files;

namespace SymmetryExplorer.Compute.Data.Trajectories;

/// <summary>Cuts an (N, T, F) array into LieGAN pairs according to a <see cref="TrajectoryLayout"/>.</summary>
public static class TrajectoryWindows
{
    /// <summary>Minimum number of pairs a data set must yield to train on.</summary>
    public const int MinimumPairs = 16;

    /// <param name="labels">Class labels, one per trajectory (class targets only).</param>
    public static SymmetryDataset Build(string name, NdArray array, TrajectoryLayout layout, NdArray? labels = null)
    {
        TrajectoryChecks.RequireTrajectoryArray(array, name);
        int N = array.Shape[0], T = array.Shape[1], F = array.Shape[2];
        layout.Validate(T, F);
        int n = layout.InputDimension(F);
        int[] perm = layout.Permutation ?? Enumerable.Range(0, F).ToArray();
        double[] raw = array.Data;
        double Value(int i, int t, int k) => raw[((long)i * T + t) * F + perm[k]];
        // x features in model order: all permuted features, minus a scalar target.
        int[] xFeatures = Enumerable.Range(0, F).Where(k => layout.Target != TargetKind.Scalar || k != layout.TargetFeature).ToArray();
        string[] names = layout.ResolveFeatureNames(F);

        switch (layout.Target)
        {
            case TargetKind.Vector:
            {
                int tin = layout.FramesIn, tout = layout.FramesOut;
                int starts = T - tin - tout + (layout.DropLastWindow ? 0 : 1);
                int count = checked(N * starts);
                RequireEnough(count, name);
                var x = new float[(long)count * tin * n];
                var y = new float[(long)count * tout * n];
                int m = 0;
                for (int i = 0; i < N; i++)
                for (int s = 0; s < starts; s++, m++)
                {
                    for (int t = 0; t < tin; t++)
                    for (int k = 0; k < n; k++) x[((long)m * tin + t) * n + k] = (float)Value(i, s + t, k);
                    for (int t = 0; t < tout; t++)
                    for (int k = 0; k < n; k++) y[((long)m * tout + t) * n + k] = (float)Value(i, s + tin + t, k);
                }
                return new SymmetryDataset(name, x, count, tin, n, y, tout, n, TargetKind.Vector, 0, names, layout.VectorGroups);
            }
            case TargetKind.Scalar:
            {
                RequireEnough(N, name);
                int tin = layout.FramesIn, target = layout.TargetFeature!.Value;
                var x = new float[(long)N * tin * n];
                var y = new float[N];
                for (int i = 0; i < N; i++)
                {
                    for (int t = 0; t < tin; t++)
                    for (int k = 0; k < n; k++) x[((long)i * tin + t) * n + k] = (float)Value(i, t, xFeatures[k]);
                    y[i] = (float)Value(i, tin - 1, target);
                }
                return new SymmetryDataset(name, x, N, tin, n, y, 1, 1, TargetKind.Scalar, 0, names, layout.VectorGroups);
            }
            default:
            {
                if (labels is null || labels.Count != N)
                    throw new InvalidInputException($"{name}: a class target needs one label per sample ({N}), got {labels?.Count ?? 0}.", "labels");
                RequireEnough(N, name);
                int tin = layout.FramesIn;
                var x = new float[(long)N * tin * n];
                var y = new float[N];
                var classes = new SortedSet<int>();
                for (int i = 0; i < N; i++)
                {
                    for (int t = 0; t < tin; t++)
                    for (int k = 0; k < n; k++) x[((long)i * tin + t) * n + k] = (float)Value(i, t, k);
                    double label = labels.Data[i];
                    if (label < 0 || label != Math.Floor(label) || label > 1000)
                        throw new InvalidInputException($"{name}: label {label} of sample {i} is not a class index 0, 1, 2, ...", "labels");
                    y[i] = (float)label;
                    classes.Add((int)label);
                }
                if (classes.Count < 2)
                    throw new InvalidInputException($"{name}: all samples have the same label; a class target needs at least two classes.", "labels");
                return new SymmetryDataset(name, x, N, tin, n, y, 1, 1, TargetKind.Class, classes.Max + 1, names, layout.VectorGroups);
            }
        }
    }

    private static void RequireEnough(int count, string name)
    {
        if (count < MinimumPairs)
            throw new InvalidInputException($"{name}: only {count} training pairs; at least {MinimumPairs} are needed (add trajectories or use fewer frames per window).", "file");
    }
}
