namespace SymmetryExplorer.Compute.Data.Trajectories;

/// <summary>
/// The (x, y) pairs LieGAN trains on, as flat float32 buffers ready to become tensors:
/// x has shape (Count, XSteps, Dimension); y has shape (Count, YSteps, YWidth) for vector targets,
/// (Count, 1, 1) for scalar targets, and (Count) class indices for class targets.
/// </summary>
public sealed class SymmetryDataset
{
    public SymmetryDataset(string name, float[] x, int count, int xSteps, int dimension, float[] y, int ySteps, int yWidth,
        TargetKind target, int classCount, string[] featureNames, IReadOnlyList<VectorGroup> vectorGroups)
    {
        if (x.Length != (long)count * xSteps * dimension) throw new ArgumentException("x buffer does not match its shape");
        long yExpected = target == TargetKind.Class ? count : (long)count * ySteps * yWidth;
        if (y.Length != yExpected) throw new ArgumentException("y buffer does not match its shape");
        Name = name;
        X = x;
        Count = count;
        XSteps = xSteps;
        Dimension = dimension;
        Y = y;
        YSteps = ySteps;
        YWidth = yWidth;
        Target = target;
        ClassCount = classCount;
        FeatureNames = featureNames;
        VectorGroups = vectorGroups;
    }

    public string Name { get; }
    public float[] X { get; }
    public int Count { get; }
    public int XSteps { get; }

    /// <summary>n: the dimension the group acts on.</summary>
    public int Dimension { get; }

    public float[] Y { get; }
    public int YSteps { get; }
    public int YWidth { get; }
    public TargetKind Target { get; }
    public int ClassCount { get; }
    public string[] FeatureNames { get; }
    public IReadOnlyList<VectorGroup> VectorGroups { get; }

    /// <summary>Width of flatten(y) that the discriminator sees (class labels are embedded instead).</summary>
    public int YFlatWidth => Target == TargetKind.Class ? 0 : YSteps * YWidth;

    public long[] XShape => [Count, XSteps, Dimension];

    public long[] YShape => Target == TargetKind.Class ? [Count] : [Count, YSteps, YWidth];

    /// <summary>The first <paramref name="count"/> pairs, for quick runs and tests.</summary>
    public SymmetryDataset Take(int count)
    {
        count = Math.Clamp(count, 1, Count);
        int xs = XSteps * Dimension;
        int ys = Target == TargetKind.Class ? 1 : YSteps * YWidth;
        return new SymmetryDataset(Name, X[..(count * xs)], count, XSteps, Dimension, Y[..(count * ys)], YSteps, YWidth,
            Target, ClassCount, FeatureNames, VectorGroups);
    }
}
