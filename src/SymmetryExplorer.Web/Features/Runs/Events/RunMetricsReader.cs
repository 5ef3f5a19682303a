using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SymmetryExplorer.Compute.Jobs;
using SymmetryExplorer.Web.Storage;

namespace SymmetryExplorer.Web.Features.Runs.Events;

/// <summary>Builds metric series from a run's stored metrics events.</summary>
public sealed class RunMetricsReader(IDbContextFactory<SymxDbContext> dbFactory)
{
    /// <summary>Default most points per curve sent to a browser.</summary>
    public const int DefaultMaxPoints = 2000;

    /// <summary>
    /// Every metric of the given scope as a series. Epoch-scope values sit at x = epoch + 1 (the end
    /// of the epoch they summarise); batch-scope values at x = global step. With
    /// <paramref name="maxPoints"/> each series is decimated; null keeps everything (export).
    /// </summary>
    /// <param name="upToSeq">Only events up to this sequence number (a consistent cut for live views); null for all.</param>
    public async Task<IReadOnlyList<MetricSeries>> ReadAsync(string runId, string scope = JobMetrics.EpochScope, int? maxPoints = DefaultMaxPoints,
        long? upToSeq = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        long last = upToSeq ?? long.MaxValue;
        var rows = await db.RunEvents.AsNoTracking()
            .Where(e => e.RunId == runId && e.Kind == RunEventKinds.Metrics && e.Name == scope && e.Seq <= last)
            .OrderBy(e => e.Seq)
            .Select(e => new { e.Epoch, e.Step, e.DataJson })
            .ToListAsync(ct);

        // A run resumed from a checkpoint trains the epochs after it again; the later value of an
        // epoch replaces the earlier one, so each curve has one point per x.
        var points = new Dictionary<string, SortedDictionary<double, double>>();
        var order = new List<string>();
        foreach (var row in rows)
        {
            double x = scope == JobMetrics.EpochScope ? row.Epoch + 1 : row.Step;
            using var doc = JsonDocument.Parse(row.DataJson);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (!points.TryGetValue(p.Name, out var series))
                {
                    points[p.Name] = series = [];
                    order.Add(p.Name);
                }
                series[x] = ReadNumber(p.Value);
            }
        }
        return order.Select(name =>
        {
            var series = new MetricSeries(name, points[name].Keys.ToArray(), points[name].Values.ToArray());
            return maxPoints is { } max ? series.Decimate(max) : series;
        }).ToList();
    }

    internal static double ReadNumber(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String => value.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var s => double.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out double d) ? d : double.NaN,
        },
        _ => double.NaN,
    };
}
