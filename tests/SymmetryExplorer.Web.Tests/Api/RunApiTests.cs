using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SymmetryExplorer.Web.Tests.Infrastructure;

namespace SymmetryExplorer.Web.Tests.Api;

public class RunApiTests : IDisposable
{
    private readonly SymxWebApp _app = new();
    private readonly HttpClient _http;

    public RunApiTests() => _http = _app.CreateHttpClient();

    private async Task<string> SmallDatasetAsync() => (await SymxApi.GenerateSmallTwoBodyAsync(_http)).GetProperty("id").GetString()!;

    [Fact]
    public async Task A_run_trains_to_completion_and_its_metrics_export_and_provenance_agree()
    {
        string dataset = await SmallDatasetAsync();
        string runId = await SymxApi.StartRunAsync(_http, dataset, SymxApi.FastLieGanConfig(epochs: 4), seed: 7);

        var run = await SymxApi.WaitForRunAsync(_http, runId, SymxApi.IsFinished);

        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.Equal(4, run.GetProperty("epoch").GetInt32());
        Assert.Contains("so2-blocks", run.GetProperty("summary").GetString());

        var metrics = await _http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/metrics");
        var dReal = metrics.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "d_real");
        Assert.Equal([1.0, 2.0, 3.0, 4.0], dReal.GetProperty("x").EnumerateArray().Select(x => x.GetDouble()));

        var export = await _http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/export");
        Assert.Equal(7, export.GetProperty("run").GetProperty("seed").GetInt32());
        Assert.Equal(4, export.GetProperty("config").GetProperty("epochs").GetInt32());
        var dataset64 = (await _http.GetFromJsonAsync<JsonElement>($"/api/datasets/{dataset}")).GetProperty("sha256").GetString();
        Assert.Equal(dataset64, export.GetProperty("provenance").GetProperty("dataset").GetProperty("sha256").GetString());
        Assert.StartsWith("2.", export.GetProperty("provenance").GetProperty("torch_version").GetString());
        var generators = export.GetProperty("snapshots").GetProperty("generators");
        Assert.Equal(4, generators.GetArrayLength());
        var last = generators[3].GetProperty("data").GetProperty("generators")[0];
        Assert.Equal(8, last.GetArrayLength());
        Assert.Equal(4, export.GetProperty("metrics").GetProperty("cosine_0").GetProperty("y").GetArrayLength());
        Assert.Equal(JsonValueKind.Object, export.GetProperty("result").ValueKind);

        string csv = await _http.GetStringAsync($"/api/runs/{runId}/export?format=csv&table=generators");
        Assert.StartsWith("epoch,channel,row,col,value", csv);
        Assert.Equal(1 + 4 * 64, csv.Trim().Split('\n').Length);
        string metricsCsv = await _http.GetStringAsync($"/api/runs/{runId}/export?format=csv&table=metrics");
        Assert.Equal(5, metricsCsv.Trim().Split('\n').Length);
    }

    [Fact]
    public async Task Cancelling_stops_a_run_and_resuming_continues_the_same_curve()
    {
        string dataset = await SmallDatasetAsync();
        string runId = await SymxApi.StartRunAsync(_http, dataset, SymxApi.FastLieGanConfig(epochs: 400));
        await SymxApi.WaitForRunAsync(_http, runId, r => r.GetProperty("epoch").GetInt32() >= 2);

        var cancel = await _http.PostAsync($"/api/runs/{runId}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var cancelled = await SymxApi.WaitForRunAsync(_http, runId, SymxApi.IsFinished, TimeSpan.FromSeconds(60));
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        int checkpoint = (await _http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}")).GetProperty("lastCheckpointEpoch").GetInt32();

        var resume = await _http.PostAsync($"/api/runs/{runId}/resume", null);
        Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        await SymxApi.WaitForRunAsync(_http, runId, r => r.GetProperty("status").GetString() == "running" && r.GetProperty("epoch").GetInt32() >= checkpoint + 2);
        await _http.PostAsync($"/api/runs/{runId}/cancel", null);
        await SymxApi.WaitForRunAsync(_http, runId, SymxApi.IsFinished, TimeSpan.FromSeconds(60));

        // One point per epoch, 1, 2, 3, ...: the curve continues where the checkpoint left it.
        var metrics = await _http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/metrics");
        var x = metrics.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "d_real")
            .GetProperty("x").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.True(x.Count >= checkpoint + 2, $"expected the curve to go past epoch {checkpoint + 1}, got {x.Count} points");
        Assert.Equal(Enumerable.Range(1, x.Count).Select(i => (double)i), x);
    }

    [Fact]
    public async Task Bad_configuration_values_are_400_problems_naming_the_field()
    {
        string dataset = await SmallDatasetAsync();

        var response = await _http.PostAsJsonAsync("/api/runs", new { kind = "liegan", dataset, config = new { epochs = 0 } });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("epochs", problem.GetProperty("field").GetString());
        Assert.Contains("between 1 and", problem.GetProperty("detail").GetString());

        var typo = await _http.PostAsJsonAsync("/api/runs", new { kind = "liegan", dataset, config = new { epochz = 3 } });
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Equal("epochz", (await typo.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());

        var kind = await _http.PostAsJsonAsync("/api/runs", new { kind = "alchemy", dataset });
        Assert.Equal(HttpStatusCode.BadRequest, kind.StatusCode);
        Assert.Contains("liegan", (await kind.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var missing = await _http.PostAsJsonAsync("/api/runs", new { kind = "liegan", dataset = "ds-nope" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Empty((await _http.GetFromJsonAsync<JsonElement>("/api/runs")).EnumerateArray());
    }

    [Fact]
    public async Task Several_runs_queue_and_train_one_at_a_time_by_default()
    {
        string dataset = await SmallDatasetAsync();
        string first = await SymxApi.StartRunAsync(_http, dataset, SymxApi.FastLieGanConfig(epochs: 400));
        string second = await SymxApi.StartRunAsync(_http, dataset, SymxApi.FastLieGanConfig(epochs: 2));
        await SymxApi.WaitForRunAsync(_http, first, r => r.GetProperty("epoch").GetInt32() >= 1);

        Assert.Equal("queued", (await SymxApi.GetRunAsync(_http, second)).GetProperty("status").GetString());
        await _http.PostAsync($"/api/runs/{first}/cancel", null);
        var done = await SymxApi.WaitForRunAsync(_http, second, SymxApi.IsFinished);
        Assert.Equal("completed", done.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Unknown_runs_are_404_problems()
    {
        var response = await _http.GetAsync("/api/runs/run-missing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("run-missing", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    public void Dispose()
    {
        _http.Dispose();
        _app.Dispose();
    }
}
