namespace SymmetryExplorer.Compute.Data.Trajectories;

/// <summary>What the model predicts from the input frames.</summary>
public enum TargetKind
{
    /// <summary>y is the next <see cref="TrajectoryLayout.FramesOut"/> frames; the group acts on it like on x.</summary>
    Vector,

    /// <summary>y is one feature (a regression target) that the group leaves unchanged.</summary>
    Scalar,

    /// <summary>y is a class label (given beside the array); the group leaves it unchanged.</summary>
    Class,
}

/// <summary>
/// Features that transform together as one vector: 2-vectors (rotations in the plane) or 4-vectors
/// (Lorentz). Indices refer to features after <see cref="TrajectoryLayout.Permutation"/>.
/// </summary>
public sealed record VectorGroup(string Name, int[] Features)
{
    public int Dimension => Features.Length;
}

/// <summary>
/// How to turn an array of shape (N, T, F) into LieGAN's (x, y) pairs: a feature permutation
/// (applied first: feature k of a frame becomes raw feature Permutation[k]), which features form
/// vectors (for masks and reference algebras), their names, and the windowing: FramesIn input
/// frames followed by FramesOut output frames, sliding over each trajectory. For particle sets
/// (class target) the T axis holds the particles: FramesIn is how many are used.
/// </summary>
public sealed record TrajectoryLayout
{
    public int FramesIn { get; init; } = 1;
    public int FramesOut { get; init; } = 1;
    public int[]? Permutation { get; init; }
    public IReadOnlyList<VectorGroup> VectorGroups { get; init; } = [];
    public IReadOnlyList<string>? FeatureNames { get; init; }
    public TargetKind Target { get; init; } = TargetKind.Vector;

    /// <summary>
    /// The reference takes window starts 0 .. T - in - out - 1, one fewer than fit (its 2-body set of
    /// 20-frame trajectories gives 14,652 pairs, not 15,466); true keeps that. Pair files (x, y rows)
    /// set it false so their single window is used.
    /// </summary>
    public bool DropLastWindow { get; init; } = true;

    /// <summary>For <see cref="TargetKind.Scalar"/>: the (permuted) feature that is y; it is removed from x.</summary>
    public int? TargetFeature { get; init; }

    /// <summary>The raw 2-body order [qx1, qx2, qy1, qy2, px1, px2, py1, py2] permuted to (q1, p1, q2, p2), one input and one output frame.</summary>
    public static TrajectoryLayout TwoBody(int framesIn = 1, int framesOut = 1) => new()
    {
        FramesIn = framesIn,
        FramesOut = framesOut,
        Permutation = [0, 2, 4, 6, 1, 3, 5, 7],
        FeatureNames = ["q1x", "q1y", "p1x", "p1y", "q2x", "q2y", "p2x", "p2y"],
        VectorGroups = [new("q1", [0, 1]), new("p1", [2, 3]), new("q2", [4, 5]), new("p2", [6, 7])],
    };

    /// <summary>The raw 3-body order [qx1..3, qy1..3, px1..3, py1..3] permuted to (q1, p1, q2, p2, q3, p3).</summary>
    public static TrajectoryLayout ThreeBody(int framesIn = 1, int framesOut = 1) => new()
    {
        FramesIn = framesIn,
        FramesOut = framesOut,
        Permutation = [0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11],
        FeatureNames = ["q1x", "q1y", "p1x", "p1y", "q2x", "q2y", "p2x", "p2y", "q3x", "q3y", "p3x", "p3y"],
        VectorGroups =
        [
            new("q1", [0, 1]), new("p1", [2, 3]), new("q2", [4, 5]), new("p2", [6, 7]), new("q3", [8, 9]), new("p3", [10, 11]),
        ],
    };

    /// <summary>Samples (x1, x2, x3, y) as one frame; y (feature 3) is the invariant regression target.</summary>
    public static TrajectoryLayout DiscreteRotation() => new()
    {
        FramesIn = 1,
        FramesOut = 0,
        FeatureNames = ["x1", "x2", "x3"],
        VectorGroups = [new("x", [0, 1, 2])],
        Target = TargetKind.Scalar,
        TargetFeature = 3,
    };

    /// <summary>Particles as frames, each a 4-momentum (E, px, py, pz), with a class label.</summary>
    public static TrajectoryLayout Particles(int particles = 2) => new()
    {
        FramesIn = particles,
        FramesOut = 0,
        FeatureNames = ["E", "px", "py", "pz"],
        VectorGroups = [new("p", [0, 1, 2, 3])],
        Target = TargetKind.Class,
    };

    /// <summary>Named layouts for the built-in data sets and the CLI's --layout option.</summary>
    public static TrajectoryLayout? Named(string name) => name.Trim().ToLowerInvariant() switch
    {
        "two-body" or "2body" => TwoBody(),
        "three-body" or "3body" => ThreeBody(),
        "discrete-rotation" => DiscreteRotation(),
        "particles" or "lorentz" or "top-tagging" => Particles(),
        _ => null,
    };

    public static IReadOnlyList<string> Names => ["two-body", "three-body", "discrete-rotation", "particles"];

    /// <summary>Features per frame that x has (after dropping a scalar target).</summary>
    public int InputDimension(int rawFeatures) => Target == TargetKind.Scalar ? rawFeatures - 1 : rawFeatures;

    /// <summary>Checks the layout against an array with <paramref name="frames"/> frames of <paramref name="features"/> features.</summary>
    public void Validate(int frames, int features)
    {
        if (FramesIn < 1) throw new InvalidInputException($"frames in must be at least 1, not {FramesIn}.", "frames_in");
        if (FramesOut < 0) throw new InvalidInputException($"frames out must be 0 or more, not {FramesOut}.", "frames_out");
        if (Target == TargetKind.Vector && FramesOut < 1)
            throw new InvalidInputException("a vector (next-frame) target needs at least 1 output frame.", "frames_out");
        int usable = DropLastWindow ? frames - 1 : frames;
        if (Target == TargetKind.Vector && FramesIn + FramesOut > usable)
            throw new InvalidInputException($"{FramesIn} input + {FramesOut} output frames leave no window in trajectories of {frames} frames; use fewer (at most {usable} together).", "frames_in");
        if (Target != TargetKind.Vector && FramesIn > frames)
            throw new InvalidInputException($"the layout uses {FramesIn} frames (particles) but the array has {frames}.", "frames_in");
        if (Permutation is { } p)
        {
            if (p.Length != features)
                throw new InvalidInputException($"the permutation has {p.Length} entries but each frame has {features} features.", "permutation");
            if (p.Order().Where((v, i) => v != i).Any())
                throw new InvalidInputException($"the permutation [{string.Join(", ", p)}] must list each of 0..{features - 1} exactly once.", "permutation");
        }
        if (Target == TargetKind.Scalar && (TargetFeature is not { } tf || tf < 0 || tf >= features))
            throw new InvalidInputException($"a scalar target needs a target feature in 0..{features - 1}.", "target_feature");
        int n = InputDimension(features);
        if (FeatureNames is { } names && names.Count != n)
            throw new InvalidInputException($"the layout names {names.Count} features but the data have {n} per frame (after removing any scalar target).", "feature_names");
        var seen = new HashSet<int>();
        foreach (var g in VectorGroups)
        {
            if (g.Dimension is not (2 or 3 or 4))
                throw new InvalidInputException($"vector group '{g.Name}' has {g.Dimension} features; groups are 2-, 3- or 4-vectors.", "vectors");
            foreach (int f in g.Features)
            {
                if (f < 0 || f >= n)
                    throw new InvalidInputException($"vector group '{g.Name}' uses feature {f}, but frames have features 0..{n - 1}.", "vectors");
                if (!seen.Add(f))
                    throw new InvalidInputException($"feature {f} is in more than one vector group.", "vectors");
            }
        }
    }

    /// <summary>Feature names in model order, generated (f0, f1, ...) where the layout has none.</summary>
    public string[] ResolveFeatureNames(int rawFeatures) =>
        FeatureNames?.ToArray() ?? Enumerable.Range(0, InputDimension(rawFeatures)).Select(i => $"f{i}").ToArray();
}
