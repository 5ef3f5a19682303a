namespace SymmetryExplorer.Web.Features.Runs.Events;

/// <summary>One metric over training: x (epoch or step) and value, in order.</summary>
public sealed record MetricSeries(string Name, double[] X, double[] Y)
{
    /// <summary>
    /// Keeps at most about <paramref name="maxPoints"/> points: the first and last, and the minimum
    /// and maximum of each bucket in between, so spikes and divergence stay visible when a long
    /// curve is thinned for the browser.
    /// </summary>
    public MetricSeries Decimate(int maxPoints)
    {
        if (maxPoints < 4) throw new ArgumentOutOfRangeException(nameof(maxPoints), "keep at least 4 points");
        int n = X.Length;
        if (n <= maxPoints) return this;

        int buckets = (maxPoints - 2) / 2;
        var keep = new List<int>(maxPoints) { 0 };
        double width = (n - 2) / (double)buckets;
        for (int b = 0; b < buckets; b++)
        {
            int start = 1 + (int)(b * width);
            int end = Math.Min(n - 1, 1 + (int)((b + 1) * width));
            if (end <= start) continue;
            int lo = start, hi = start;
            for (int i = start; i < end; i++)
            {
                // NaN compares false both ways; keep the first one seen as a visible gap marker.
                if (double.IsNaN(Y[i]) && !double.IsNaN(Y[lo])) { lo = i; continue; }
                if (Y[i] < Y[lo]) lo = i;
                if (Y[i] > Y[hi]) hi = i;
            }
            keep.Add(Math.Min(lo, hi));
            if (hi != lo) keep.Add(Math.Max(lo, hi));
        }
        keep.Add(n - 1);
        return new MetricSeries(Name, keep.Select(i => X[i]).ToArray(), keep.Select(i => Y[i]).ToArray());
    }
}
