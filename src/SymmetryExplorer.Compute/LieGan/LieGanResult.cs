namespace SymmetryExplorer.Compute.LieGan;

/// <summary>result.json of <c>symx discover</c> (serialised with snake_case keys). Contract fields first, extras after.</summary>
public sealed record LieGanResultDocument
{
    public required string Dataset { get; init; }
    public string? Preset { get; init; }
    public required int Seed { get; init; }
    public required int Epochs { get; init; }
    public required string Device { get; init; }
    public required double Seconds { get; init; }
    public required double[] EpochSeconds { get; init; }
    public required double[][][] Generators { get; init; }
    public ReferenceSummary? Reference { get; init; }
    public InvariantMetricSummary? InvariantMetric { get; init; }
    public required LossSummary Losses { get; init; }

    // Extras
    public required string[] FeatureNames { get; init; }
    public required LieGanConfig Config { get; init; }
    public required IReadOnlyList<Algebra.GeneratorStructure> Structure { get; init; }
    public required Algebra.CommutatorTable Commutators { get; init; }
    public Algebra.DiscreteRotationResult? DiscreteRotation { get; init; }

    /// <summary>Collapse restarts, in order (empty when none happened; see collapse_restarts). The answer is the last attempt's.</summary>
    public IReadOnlyList<CollapseRestart> Restarts { get; init; } = [];

    /// <summary>Per-epoch metric curves (key -> values by epoch).</summary>
    public required IReadOnlyDictionary<string, double[]> History { get; init; }
}

/// <param name="Cosine">|cos| to the reference per channel.</param>
/// <param name="OnData">Per channel: fitted coefficients of L x ≈ sum c_j L_ref,j x and the residual.</param>
/// <param name="FirstEpochAbove">First epoch (1-based) whose cosine_0 reached 0.99, or null.</param>
public sealed record ReferenceSummary(string Name, double[] Cosine, double? SubspaceSimilarity, IReadOnlyList<Algebra.OnDataFit>? OnData, int? FirstEpochAbove);

/// <summary>The invariant metric of the learned algebra; the matrix is written under the contract's key "J".</summary>
public sealed record InvariantMetricSummary(
    [property: System.Text.Json.Serialization.JsonPropertyName("J")] double[][] J,
    double[] Eigenvalues, string Signature, double? CosineToReference, double Residual);

public sealed record LossSummary(double DReal, double DFake, double GAdv, double GReg);

/// <summary>A restart after L collapsed to the identity.</summary>
/// <param name="AfterEpoch">The (1-based, run-wide) epoch at whose end the collapse was seen; the next attempt starts after it.</param>
/// <param name="GeneratorNorm">The largest channel norm of L at that point.</param>
/// <param name="Seed">The seed the next attempt was started from.</param>
public sealed record CollapseRestart(int AfterEpoch, double GeneratorNorm, int Seed);
