using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SymmetryExplorer.Compute;
using SymmetryExplorer.Compute.Jobs;
using SymmetryExplorer.Web.Features.Runs.Events;
using SymmetryExplorer.Web.Storage;

namespace SymmetryExplorer.Web.Features.Runs.Export;

/// <summary>
/// A run's complete record for download: configuration, provenance, result, every metric point
/// (never decimated), the history of small snapshots (such as generators) and the latest of the rest.
/// </summary>
public sealed class RunExporter(RunService runs, RunMetricsReader metrics, RunEventStore store)
{
    /// <summary>Snapshots small enough to export at every epoch; others are exported as their latest value.</summary>
    private static readonly HashSet<string> FullHistorySnapshots = ["generators", "invariant_metric", "equivariance"];

    public const string MetricsTable = "metrics";
    public const string GeneratorsTable = "generators";

    public async Task<string> ExportJsonAsync(string runId, CancellationToken ct = default)
    {
        var run = await runs.GetAsync(runId, ct) ?? throw new RunNotFoundException(runId);
        var series = await metrics.ReadAsync(runId, JobMetrics.EpochScope, maxPoints: null, ct: ct);
        var batchSeries = await metrics.ReadAsync(runId, JobMetrics.BatchScope, maxPoints: null, ct: ct);

        var snapshots = new JsonObject();
        foreach (string name in (await store.SnapshotNamesAsync(runId, ct)).Keys.Order())
        {
            if (FullHistorySnapshots.Contains(name))
            {
                var history = new JsonArray();
                foreach (var e in await store.ReadKindAsync(runId, RunEventKinds.Snapshot, name, ct: ct))
                    history.Add(new JsonObject { ["epoch"] = e.Epoch, ["step"] = e.Step, ["data"] = JsonNode.Parse(e.Data.GetRawText()) });
                snapshots[name] = history;
            }
            else if (await store.LatestSnapshotAsync(runId, name, ct) is { } latest)
            {
                snapshots[name] = new JsonArray(new JsonObject { ["epoch"] = latest.Epoch, ["step"] = latest.Step, ["data"] = JsonNode.Parse(latest.Data.GetRawText()) });
            }
        }

        var document = new JsonObject
        {
            ["format"] = "symmetry-explorer.run-export/1",
            ["run"] = new JsonObject
            {
                ["id"] = run.Id,
                ["kind"] = run.Kind,
                ["status"] = run.Status,
                ["dataset_id"] = run.DatasetId,
                ["dataset_name"] = run.DatasetName,
                ["preset"] = run.Preset,
                ["seed"] = run.Seed,
                ["device"] = run.Device,
                ["epoch"] = run.Epoch,
                ["total_epochs"] = run.TotalEpochs,
                ["summary"] = run.Summary,
                ["error"] = run.Error,
                ["created_at"] = run.CreatedAt,
                ["started_at"] = run.StartedAt,
                ["finished_at"] = run.FinishedAt,
                ["training_seconds"] = run.TrainingSeconds,
            },
            ["config"] = JsonNode.Parse(run.ConfigJson),
            ["provenance"] = JsonNode.Parse(run.ProvenanceJson),
            ["result"] = run.ResultJson is null ? null : JsonNode.Parse(run.ResultJson),
            ["metrics"] = SeriesToJson(series),
            ["batch_metrics"] = SeriesToJson(batchSeries),
            ["snapshots"] = snapshots,
        };
        return document.ToJsonString(RunJson.Options);
    }

    /// <summary>
    /// A table as CSV: <c>metrics</c> (one row per epoch, one column per metric) or
    /// <c>generators</c> (long format: epoch, channel, row, col, value).
    /// </summary>
    public async Task<(string FileName, string Csv)> ExportCsvAsync(string runId, string table, CancellationToken ct = default)
    {
        _ = await runs.GetAsync(runId, ct) ?? throw new RunNotFoundException(runId);
        return table switch
        {
            MetricsTable => ($"{runId}-metrics.csv", MetricsCsv(await metrics.ReadAsync(runId, JobMetrics.EpochScope, maxPoints: null, ct: ct))),
            GeneratorsTable => ($"{runId}-generators.csv", GeneratorsCsv(await store.ReadKindAsync(runId, RunEventKinds.Snapshot, "generators", ct: ct))),
            _ => throw new InvalidInputException($"Unknown table '{table}': use '{MetricsTable}' or '{GeneratorsTable}'.", "table"),
        };
    }

    private static JsonObject SeriesToJson(IReadOnlyList<MetricSeries> series)
    {
        var o = new JsonObject();
        foreach (var s in series)
            o[s.Name] = new JsonObject { ["x"] = ToArray(s.X), ["y"] = ToArray(s.Y) };
        return o;
    }

    private static JsonArray ToArray(double[] values) =>
        new(values.Select(v => double.IsFinite(v) ? JsonValue.Create(v) : JsonValue.Create(v.ToString(CultureInfo.InvariantCulture))).ToArray<JsonNode?>());

    internal static string MetricsCsv(IReadOnlyList<MetricSeries> series)
    {
        var byEpoch = new SortedDictionary<double, Dictionary<string, double>>();
        foreach (var s in series)
            for (int i = 0; i < s.X.Length; i++)
            {
                if (!byEpoch.TryGetValue(s.X[i], out var row)) byEpoch[s.X[i]] = row = [];
                row[s.Name] = s.Y[i];
            }
        var sb = new StringBuilder();
        sb.Append("epoch");
        foreach (var s in series) sb.Append(',').Append(s.Name);
        sb.Append('\n');
        foreach (var (epoch, row) in byEpoch)
        {
            sb.Append(epoch.ToString(CultureInfo.InvariantCulture));
            foreach (var s in series)
                sb.Append(',').Append(row.TryGetValue(s.Name, out double v) ? v.ToString("R", CultureInfo.InvariantCulture) : "");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    internal static string GeneratorsCsv(IReadOnlyList<RunEvent> snapshots)
    {
        var sb = new StringBuilder("epoch,channel,row,col,value\n");
        foreach (var e in snapshots)
        {
            if (!e.Data.TryGetProperty("generators", out var generators)) continue;
            int c = 0;
            foreach (var channel in generators.EnumerateArray())
            {
                int r = 0;
                foreach (var row in channel.EnumerateArray())
                {
                    int col = 0;
                    foreach (var value in row.EnumerateArray())
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"{e.Epoch + 1},{c},{r},{col},{RunMetricsReader.ReadNumber(value).ToString("R", CultureInfo.InvariantCulture)}\n");
                        col++;
                    }
                    r++;
                }
                c++;
            }
        }
        return sb.ToString();
    }
}
