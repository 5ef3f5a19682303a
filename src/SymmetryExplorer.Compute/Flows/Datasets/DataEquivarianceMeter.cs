namespace SymmetryExplorer.Compute.Flows.Datasets;

/// <summary>Measures <see cref="DataEquivariance"/> on stacked simulations.</summary>
internal static class DataEquivarianceMeter
{
    /// <summary>Frames skipped at the start of every simulation (the inflow start-up, as the paper did).</summary>
    public const int SkipFrames = 10;

    /// <summary>
    /// Rotation: <paramref name="orbits"/> lists groups of four simulations [e, 90, 180, 270] whose
    /// set-ups are nominal quarter turns of one another; sim_g is rotated back by -g and compared with sim_e.
    /// </summary>
    public static DataEquivariance Rotation(FlowData data, IReadOnlyList<int[]> orbits, string method)
    {
        int n = data.Height;
        int skip = Math.Min(SkipFrames, data.Frames - 1);
        var perElement = new Dictionary<string, double>();
        double absSum = 0;
        for (int g = 1; g < 4; g++)
        {
            double diff = 0, norm = 0;
            long count = 0;
            foreach (var orbit in orbits)
            {
                for (int t = skip; t < data.Frames; t++)
                {
                    var reference = data.Frame(orbit[0], t);
                    var back = VectorFieldRotation.Rotate(data.Frame(orbit[g], t), n, -g);
                    for (int i = 0; i < back.Length; i++)
                    {
                        diff += Math.Abs(back[i] - reference[i]);
                        norm += Math.Abs(reference[i]);
                    }
                    count += back.Length;
                }
            }
            perElement[(90 * g).ToString(System.Globalization.CultureInfo.InvariantCulture)] = norm > 0 ? diff / norm : 0;
            absSum += diff / count;
        }
        return new DataEquivariance("rotation", perElement.Values.Average(), absSum / 3, perElement, method);
    }

    /// <summary>
    /// Translation: pairs (a, b, dx) where b's set-up is a's shifted right by dx cells; a is shifted
    /// and compared with b on the columns both cover.
    /// </summary>
    public static DataEquivariance Translation(FlowData data, IReadOnlyList<(int A, int B, int Dx)> pairs, string method)
    {
        int n = data.Height, w = data.Width, plane = n * w;
        int skip = Math.Min(SkipFrames, data.Frames - 1);
        var perShift = new Dictionary<string, (double Diff, double Norm, long Count)>();
        foreach (var (a, b, dx) in pairs)
        {
            string key = $"dx={dx}";
            perShift.TryGetValue(key, out var acc);
            for (int t = skip; t < data.Frames; t++)
            {
                var fa = data.Frame(a, t);
                var fb = data.Frame(b, t);
                for (int c = 0; c < 2; c++)
                for (int y = 0; y < n; y++)
                for (int x = dx; x < w; x++)
                {
                    double shifted = fa[c * plane + y * w + x - dx], target = fb[c * plane + y * w + x];
                    acc.Diff += Math.Abs(shifted - target);
                    acc.Norm += Math.Abs(target);
                    acc.Count++;
                }
            }
            perShift[key] = acc;
        }
        var relative = perShift.ToDictionary(kv => kv.Key, kv => kv.Value.Norm > 0 ? kv.Value.Diff / kv.Value.Norm : 0);
        double absolute = perShift.Values.Average(v => v.Diff / Math.Max(1, v.Count));
        return new DataEquivariance("translation", relative.Values.Average(), absolute, relative, method);
    }
}
