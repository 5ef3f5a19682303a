using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using SymmetryExplorer.Web.Tests.Infrastructure;

namespace SymmetryExplorer.Web.Tests.Benchmarks;

/// <summary>
/// The web targets of the explorer issue, measured against the real app in Debian's Chromium.
/// Not tests: they assert nothing about time and are excluded from build/test.sh. Run them with
/// build/bench-web.sh; numbers go to artifacts/bench/*.json and the README.
/// </summary>
[Trait("Category", "Benchmark")]
public class WebBenchmarks(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly SymxWebApp _app = new();

    private Uri Url(string path) => new(_app.BaseAddress, path);

    /// <summary>From the moment a job emits an epoch's metrics to the loss chart drawing that epoch in the browser.</summary>
    [Fact]
    public async Task Event_to_chart_latency()
    {
        using var http = _app.CreateHttpClient();
        string dataset = (await SymxApi.GenerateSmallTwoBodyAsync(http)).GetProperty("id").GetString()!;
        string runId = await SymxApi.StartRunAsync(http, dataset, new { epochs = 120, batch_size = 256, hidden_width = 64, sample_count = 32 });

        var page = await browser.NewPageAsync();
        await BrowserFixture.GotoInteractiveAsync(page, Url($"/runs/{runId}"));
        await page.EvaluateAsync("""
            () => {
              window.__symxSeen = [];
              const el = document.querySelector(".symx-chart[data-chart='chart-losses']");
              new MutationObserver(() => window.__symxSeen.push([parseFloat(el.dataset.lastX), Date.now()]))
                .observe(el, { attributes: true, attributeFilter: ['data-last-x'] });
            }
            """);
        await SymxApi.WaitForRunAsync(http, runId, SymxApi.IsFinished, TimeSpan.FromMinutes(10));
        await Task.Delay(1000);

        var seen = await page.EvaluateAsync<double[][]>("() => window.__symxSeen");
        var events = await http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/events?limit=5000");
        var emitted = events.EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "metrics" && e.GetProperty("name").GetString() == "epoch")
            .Select(e => (Epoch: e.GetProperty("epoch").GetInt32() + 1, Time: e.GetProperty("time").GetDateTimeOffset().ToUnixTimeMilliseconds()))
            .ToList();
        var latencies = new List<double>();
        foreach (var (epoch, time) in emitted)
        {
            var first = seen.FirstOrDefault(s => s[0] >= epoch);
            // Epochs drawn by the first load (before the observer) or jumped over are not live updates.
            if (first is null || first[0] > epoch) continue;
            latencies.Add(first[1] - time);
        }
        BenchReport.Write("web-event-latency", new
        {
            samples = latencies.Count,
            median_ms = BenchReport.Median(latencies),
            p90_ms = BenchReport.Quantile(latencies, 0.9),
            max_ms = latencies.DefaultIfEmpty(double.NaN).Max(),
            feed_interval_ms = 200,
            epochs = emitted.Count,
        });
        Assert.NotEmpty(latencies);
    }

    /// <summary>
    /// Opening the page of a run with about 10,000 logged steps (typed into a fresh browser, and
    /// reached from the runs list inside the app), and zooming its longest curve.
    /// </summary>
    [Fact]
    public async Task Long_run_page_load_and_zoom()
    {
        using var http = _app.CreateHttpClient();
        var generated = await http.PostAsJsonAsync("/api/datasets/builtin", new { name = "two-body", seed = 0 });
        string dataset = (await generated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        // 14,652 pairs / batch 64 = 229 logged steps an epoch: 44 epochs log 10,076 steps.
        string runId = await SymxApi.StartRunAsync(http, dataset, new { epochs = 44, hidden_width = 64, report_every_batches = 1, sample_count = 64 });
        var run = await SymxApi.WaitForRunAsync(http, runId, SymxApi.IsFinished, TimeSpan.FromMinutes(30));
        var steps = await http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/metrics?scope=batch");
        int loggedSteps = steps.GetProperty("series")[0].GetProperty("x").GetArrayLength();

        var loads = new List<double>();
        var navigations = new List<double>();
        var zooms = new List<double>();
        int drawnPoints = 0;
        for (int attempt = 0; attempt < 5; attempt++)
        {
            var page = await browser.NewPageAsync();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await page.GotoAsync(Url($"/runs/{runId}").ToString());
            var batchChart = page.Locator(".symx-chart[data-chart='chart-batch']");
            await batchChart.Locator(".main-svg").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            await page.WaitForFunctionAsync("() => parseInt(document.querySelector(\".symx-chart[data-chart='chart-batch']\").dataset.points) > 0");
            await page.WaitForFunctionAsync("() => parseInt(document.querySelector(\".symx-chart[data-chart='chart-losses']\").dataset.points) > 0");
            loads.Add(watch.Elapsed.TotalMilliseconds);
            drawnPoints = int.Parse((await batchChart.GetAttributeAsync("data-points"))!);

            // The usual way in: from the runs list inside the app (scripts already loaded, one circuit).
            await page.EvaluateAsync("() => Blazor.navigateTo('/runs')");
            await page.Locator(".symx-chart[data-chart='chart-batch']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
            var inApp = System.Diagnostics.Stopwatch.StartNew();
            await page.EvaluateAsync($"() => Blazor.navigateTo('/runs/{runId}')");
            await page.WaitForFunctionAsync("() => parseInt(document.querySelector(\".symx-chart[data-chart='chart-batch']\")?.dataset.points) > 0");
            await page.WaitForFunctionAsync("() => parseInt(document.querySelector(\".symx-chart[data-chart='chart-losses']\")?.dataset.points) > 0");
            navigations.Add(inApp.Elapsed.TotalMilliseconds);
            for (int z = 0; z < 8; z++)
            {
                double ms = await page.EvaluateAsync<double>($$"""
                    async () => {
                      const gd = document.querySelector(".symx-chart[data-chart='chart-batch'] .js-plotly-plot");
                      const t0 = performance.now();
                      await Plotly.relayout(gd, { 'xaxis.range': [{{500 + z * 1000}}, {{2500 + z * 1000}}] });
                      await new Promise(r => requestAnimationFrame(() => r()));
                      return performance.now() - t0;
                    }
                    """);
                zooms.Add(ms);
            }
            await page.Context.CloseAsync();
        }
        BenchReport.Write("web-long-run", new
        {
            logged_steps = loggedSteps,
            epochs = run.GetProperty("epoch").GetInt32(),
            points_drawn_in_batch_chart = drawnPoints,
            page_open_median_ms = BenchReport.Median(loads),
            page_open_runs_ms = loads,
            in_app_navigation_median_ms = BenchReport.Median(navigations),
            in_app_navigation_runs_ms = navigations,
            zoom_median_ms = BenchReport.Median(zooms),
            zoom_p90_ms = BenchReport.Quantile(zooms, 0.9),
        });
        Assert.True(loggedSteps >= 10_000);
    }

    /// <summary>Ten browsers watch one run: how much server CPU the streaming costs next to training.</summary>
    [Fact]
    public async Task Ten_viewers_of_one_run()
    {
        using var http = _app.CreateHttpClient();
        var generated = await http.PostAsJsonAsync("/api/datasets/builtin", new { name = "two-body", options = new { trajectories = 200 }, seed = 0 });
        string dataset = (await generated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        string runId = await SymxApi.StartRunAsync(http, dataset, new { epochs = 400, report_every_batches = 5 });
        await SymxApi.WaitForRunAsync(http, runId, r => r.GetProperty("epoch").GetInt32() >= 2);

        var quiet = await MeasureAsync(http, runId, TimeSpan.FromSeconds(40));
        var pages = new List<IPage>();
        for (int i = 0; i < 10; i++)
        {
            var page = await browser.NewPageAsync();
            await BrowserFixture.GotoInteractiveAsync(page, Url($"/runs/{runId}"));
            pages.Add(page);
        }
        var watched = await MeasureAsync(http, runId, TimeSpan.FromSeconds(40));
        await http.PostAsync($"/api/runs/{runId}/cancel", null);
        foreach (var page in pages) await page.Context.CloseAsync();

        BenchReport.Write("web-ten-viewers", new
        {
            no_viewers = quiet,
            ten_viewers = watched,
            extra_cpu_cores_for_streaming = watched.OtherCores - quiet.OtherCores,
            training_share_of_server_cpu_watched = watched.TrainingCores / (watched.TrainingCores + watched.OtherCores),
            epoch_slowdown_percent = 100 * (watched.MedianEpochSeconds / quiet.MedianEpochSeconds - 1),
            processors = Environment.ProcessorCount,
        });
    }

    /// <param name="CpuCores">The whole server process (and this test's own threads).</param>
    /// <param name="TrainingCores">The run's threads.</param>
    /// <param name="OtherCores">Every other thread: HTTP, SignalR, circuits, the event writer.</param>
    public sealed record Phase(double CpuCores, double TrainingCores, double OtherCores, double MedianEpochSeconds, int Epochs);

    /// <summary>Server process CPU (in cores) and the run's epoch time over a window.</summary>
    private static async Task<Phase> MeasureAsync(HttpClient http, string runId, TimeSpan window)
    {
        int epochBefore = (await SymxApi.GetRunAsync(http, runId)).GetProperty("epoch").GetInt32();
        double cpu0 = BenchReport.ProcessCpuSeconds();
        var threads0 = BenchReport.ThreadCpu();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(window);
        double elapsed = watch.Elapsed.TotalSeconds;
        double cores = (BenchReport.ProcessCpuSeconds() - cpu0) / elapsed;
        var (training, other) = BenchReport.ThreadCpuBetween(threads0, BenchReport.ThreadCpu());
        int epochAfter = (await SymxApi.GetRunAsync(http, runId)).GetProperty("epoch").GetInt32();
        var metrics = await http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/metrics");
        var seconds = metrics.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "epoch_seconds");
        var window_ = seconds.GetProperty("x").EnumerateArray().Zip(seconds.GetProperty("y").EnumerateArray())
            .Where(p => p.First.GetDouble() > epochBefore && p.First.GetDouble() <= epochAfter)
            .Select(p => p.Second.GetDouble()).ToList();
        return new Phase(cores, training / elapsed, other / elapsed, BenchReport.Median(window_), window_.Count);
    }

    public void Dispose() => _app.Dispose();
}
