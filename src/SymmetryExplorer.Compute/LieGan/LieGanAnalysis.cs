using SymmetryExplorer.Compute.Algebra;

namespace SymmetryExplorer.Compute.LieGan;

/// <summary>Everything computed from a set of generators at one point of training.</summary>
public sealed record GeneratorAnalysis(
    IReadOnlyList<double[,]> Generators,
    double[] Norms,
    double[]? ReferenceCosines,
    double? SubspaceSimilarity,
    InvariantMetricResult Metric,
    IReadOnlyList<OnDataFit>? OnData,
    DiscreteRotationResult? DiscreteRotation);

/// <summary>
/// Turns generators into the numbers a person reads: similarity to the reference, invariant metric,
/// on-data equivalence, and (for the cyclic reference) the discrete-rotation check.
/// </summary>
public static class LieGanAnalysis
{
    /// <param name="points">Data points (first input frame) for the on-data fit; may be empty.</param>
    public static GeneratorAnalysis Analyse(IReadOnlyList<double[,]> generators, ReferenceAlgebra? reference, IReadOnlyList<double[]> points)
    {
        var norms = generators.Select(DenseMatrix.Norm).ToArray();
        double[]? cosines = null;
        double? subspace = null;
        List<OnDataFit>? onData = null;
        DiscreteRotationResult? discrete = null;
        if (reference is not null && reference.Dimension == generators[0].GetLength(0))
        {
            cosines = AlgebraSimilarity.ChannelCosines(generators, reference.Generators);
            if (generators.Count > 1) subspace = AlgebraSimilarity.SubspaceSimilarity(generators, reference.Generators);
            if (points.Count > 0) onData = generators.Select(g => OnDataEquivalence.Fit(g, reference.Generators, points)).ToList();
            if (reference.Name.StartsWith("rotation-z", StringComparison.Ordinal)) discrete = DiscreteRotationCheck.Analyse(generators[0]);
        }
        var metric = InvariantMetric.Solve(generators, reference?.Metric);
        return new GeneratorAnalysis(generators, norms, cosines, subspace, metric, onData, discrete);
    }

    /// <summary>
    /// The live L's similarity while the answer is an average (live_cosine_i, live_subspace_similarity,
    /// live_rotation_angle, live_rotation_error): how far the training iterate circles the average.
    /// </summary>
    public static void AddLiveMetrics(GeneratorAnalysis live, IDictionary<string, double> values)
    {
        var all = new Dictionary<string, double>();
        AddMetrics(live, all);
        foreach (var (key, value) in all)
            if (key.StartsWith("cosine_", StringComparison.Ordinal) || key is "subspace_similarity" or "rotation_angle" or "rotation_error")
                values["live_" + key] = value;
    }

    /// <summary>The per-epoch metric keys derived from an analysis (cosine_i, subspace_similarity, norm_i, ...).</summary>
    public static void AddMetrics(GeneratorAnalysis a, IDictionary<string, double> values)
    {
        for (int i = 0; i < a.Norms.Length; i++) values[$"norm_{i}"] = a.Norms[i];
        if (a.ReferenceCosines is { } cos)
            for (int i = 0; i < cos.Length; i++) values[$"cosine_{i}"] = cos[i];
        if (a.SubspaceSimilarity is { } s) values["subspace_similarity"] = s;
        if (a.Metric.CosineToReference is { } mc) values["metric_cosine"] = mc;
        values["metric_residual"] = a.Metric.Residual;
        if (a.OnData is { } fits)
            for (int i = 0; i < fits.Count; i++) values[$"on_data_residual_{i}"] = fits[i].Residual;
        if (a.DiscreteRotation is { } d)
        {
            values["rotation_angle"] = d.Angle;
            values["rotation_error"] = d.RelativeError;
        }
    }
}
