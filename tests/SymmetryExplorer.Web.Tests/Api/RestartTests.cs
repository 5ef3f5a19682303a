using System.Net.Http.Json;
using System.Text.Json;
using SymmetryExplorer.Web.Tests.Infrastructure;

namespace SymmetryExplorer.Web.Tests.Api;

public class RestartTests
{
    [Fact]
    public async Task After_a_restart_a_running_run_is_interrupted_keeps_its_history_and_resumes_from_its_checkpoint()
    {
        string dataDirectory = Path.Combine(Path.GetTempPath(), "symx-tests", "restart-" + Guid.NewGuid().ToString("N"));
        string runId;
        string historyBefore;
        try
        {
            using (var first = new SymxWebApp(dataDirectory))
            using (var http = first.CreateHttpClient())
            {
                string dataset = (await SymxApi.GenerateSmallTwoBodyAsync(http)).GetProperty("id").GetString()!;
                runId = await SymxApi.StartRunAsync(http, dataset, SymxApi.FastLieGanConfig(epochs: 400));
                await SymxApi.WaitForRunAsync(http, runId, r => r.GetProperty("epoch").GetInt32() >= 2);
            } // the server stops while the run trains

            using var second = new SymxWebApp(dataDirectory);
            using var http2 = second.CreateHttpClient();
            var run = await SymxApi.WaitForRunAsync(http2, runId, SymxApi.IsFinished, TimeSpan.FromSeconds(30));
            Assert.Equal("interrupted", run.GetProperty("status").GetString());
            historyBefore = (await http2.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/metrics")).GetRawText();
            Assert.Contains("d_real", historyBefore);

            var resume = await http2.PostAsync($"/api/runs/{runId}/resume", null);
            resume.EnsureSuccessStatusCode();
            int checkpoint = (await http2.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}")).GetProperty("lastCheckpointEpoch").GetInt32();
            await SymxApi.WaitForRunAsync(http2, runId, r => r.GetProperty("epoch").GetInt32() >= checkpoint + 2);
            await http2.PostAsync($"/api/runs/{runId}/cancel", null);
            await SymxApi.WaitForRunAsync(http2, runId, SymxApi.IsFinished, TimeSpan.FromSeconds(60));

            var x = (await http2.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/metrics")).GetProperty("series")[0]
                .GetProperty("x").EnumerateArray().Select(v => v.GetDouble()).ToList();
            Assert.Equal(Enumerable.Range(1, x.Count).Select(i => (double)i), x);
            Assert.True(x.Count >= checkpoint + 2);
        }
        finally
        {
            try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        }
    }
}
