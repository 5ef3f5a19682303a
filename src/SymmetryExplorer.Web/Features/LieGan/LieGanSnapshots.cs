using System.Text.Json;

namespace SymmetryExplorer.Web.Features.LieGan;

/// <summary>Reads the LieGAN job's snapshot payloads (see LieGanJob) into plain arrays for the views.</summary>
public static class LieGanSnapshots
{
    public static double[][][] Generators(JsonElement data) =>
        data.TryGetProperty("generators", out var g) ? g.EnumerateArray().Select(Matrix).ToArray() : [];

    public static string[]? FeatureNames(JsonElement data) =>
        data.TryGetProperty("feature_names", out var f) && f.ValueKind == JsonValueKind.Array
            ? f.EnumerateArray().Select(x => x.GetString() ?? "").ToArray()
            : null;

    public static double[][] Matrix(JsonElement m) => m.EnumerateArray().Select(Row).ToArray();

    public static double[] Row(JsonElement r) => r.EnumerateArray().Select(Number).ToArray();

    public static double Number(JsonElement v) => Runs.Events.RunMetricsReader.ReadNumber(v);

    public static double? OptionalNumber(JsonElement data, string name) =>
        data.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.Number or JsonValueKind.String ? Number(v) : null;

    /// <summary>Sign-invariant cosine between two matrices, as the engine reports it.</summary>
    public static double AbsCosine(double[][] a, double[][] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.Length; i++)
        for (int j = 0; j < a[i].Length; j++)
        {
            dot += a[i][j] * b[i][j];
            na += a[i][j] * a[i][j];
            nb += b[i][j] * b[i][j];
        }
        return na == 0 || nb == 0 ? 0 : Math.Abs(dot) / Math.Sqrt(na * nb);
    }
}
