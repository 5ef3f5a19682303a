using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SymmetryExplorer.Web.Tests.Infrastructure;

namespace SymmetryExplorer.Web.Tests.Browser;

/// <summary>
/// The whole user journey in a real browser against the real app: upload, preview, launch a
/// discovery, watch it stream, cancel, export. Screenshots of each page go to the test artifacts.
/// </summary>
public class ExplorerJourneyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private static readonly LocatorWaitForOptions Long = new() { Timeout = 120_000 };
    private readonly SymxWebApp _app = new();

    private Uri Url(string path) => new(_app.BaseAddress, path);

    [Fact]
    public async Task Upload_launch_watch_cancel_and_export_a_two_body_discovery()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.GotoInteractiveAsync(page, Url("/datasets"));

        // Upload the LieGAN paper's own file.
        await page.Locator("input[type=file]").SetInputFilesAsync(SymxApi.RealTwoBodyFile);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/datasets/ds-"), new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#dataset-summary")).ToContainTextAsync("14,652 training pairs");
        await page.Locator(".symx-chart[data-chart^='preview'] .main-svg").First.WaitForAsync(Long);
        await BrowserFixture.ScreenshotAsync(page, "01-dataset-uploaded");

        // New run from this data set: short epochs, big batches.
        await page.Locator("#dataset-new-run").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/runs/new"), new() { Timeout = 30_000 });
        await page.Locator("#symx-app[data-interactive='true']").WaitForAsync();
        await page.Locator("#start-run").WaitForAsync();
        await SetFieldAsync(page, "epochs", "300");
        await SetFieldAsync(page, "batch_size", "2048");
        await Assertions.Expect(page.Locator("#start-run")).ToBeEnabledAsync();
        await BrowserFixture.ScreenshotAsync(page, "02-new-run");
        // The advanced settings (among them the discovery aids beyond the paper) appear behind the switch.
        var advanced = page.GetByLabel("Advanced", new PageGetByLabelOptions { Exact = true });
        await advanced.CheckAsync();
        await page.Locator("[data-field='cosine_margin']").WaitForAsync();
        await Assertions.Expect(page.Locator("input[data-field='discriminator_gradient_penalty']")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "02b-new-run-advanced");
        await advanced.UncheckAsync();
        await Assertions.Expect(page.Locator("[data-field='cosine_margin']")).ToHaveCountAsync(0);
        await page.Locator("#start-run").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/runs/run-"), new() { Timeout = 30_000 });
        string runId = page.Url.Split('/').Last();

        // The loss curve gains points and the generator heatmap changes while it runs.
        var losses = page.Locator(".symx-chart[data-chart='chart-losses']");
        await WaitForAttributeAsync(losses, "data-points", v => int.Parse(v) >= 8);
        var heatmap = page.Locator(".symx-chart[data-chart='generator-0']");
        await heatmap.WaitForAsync(Long);
        string firstHash = (await heatmap.GetAttributeAsync("data-matrix-hash"))!;
        await WaitForAttributeAsync(heatmap, "data-matrix-hash", v => v != firstHash);
        int pointsBefore = int.Parse((await losses.GetAttributeAsync("data-points"))!);
        await WaitForAttributeAsync(losses, "data-points", v => int.Parse(v) > pointsBefore);
        await Assertions.Expect(page.Locator("[data-status='running']").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "03-run-live");

        // Cancel: the status changes and the run can be resumed.
        await page.Locator("#cancel-run").ClickAsync();
        await page.Locator("[data-status='cancelled']").First.WaitForAsync(Long);
        await Assertions.Expect(page.Locator("#resume-run")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "04-run-cancelled");

        // Export everything as JSON from the page's menu and check what it holds.
        await page.Locator("#export-menu").ClickAsync();
        var popup = await page.RunAndWaitForPopupAsync(() => page.GetByText("Everything (JSON)").ClickAsync());
        await popup.WaitForLoadStateAsync();
        using var export = JsonDocument.Parse(await popup.EvaluateAsync<string>("() => document.body.innerText"));
        Assert.Equal(runId, export.RootElement.GetProperty("run").GetProperty("id").GetString());
        Assert.Equal("cancelled", export.RootElement.GetProperty("run").GetProperty("status").GetString());
        Assert.Equal(300, export.RootElement.GetProperty("config").GetProperty("epochs").GetInt32());
        Assert.True(export.RootElement.GetProperty("snapshots").GetProperty("generators").GetArrayLength() >= 2);
        Assert.Equal("train_coords.npy", export.RootElement.GetProperty("provenance").GetProperty("dataset").GetProperty("file").GetString());

        // The runs page lists it.
        await BrowserFixture.GotoInteractiveAsync(page, Url("/runs"));
        await Assertions.Expect(page.Locator("#runs-table")).ToContainTextAsync(runId);
        await BrowserFixture.ScreenshotAsync(page, "05-runs");
    }

    [Fact]
    public async Task A_built_in_data_set_is_generated_from_its_card_and_previewed()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.GotoInteractiveAsync(page, Url("/datasets"));

        await page.Locator("#generate-discrete-rotation").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/datasets/ds-"), new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#dataset-title")).ToContainTextAsync("Discrete rotation");
        var preview = page.Locator(".symx-chart[data-chart^='preview']").First;
        await preview.Locator(".main-svg").First.WaitForAsync(Long);
        Assert.True(int.Parse((await preview.GetAttributeAsync("data-traces"))!) >= 1);
        await BrowserFixture.ScreenshotAsync(page, "06-dataset-builtin");
    }

    [Fact]
    public async Task Two_finished_runs_are_compared_with_overlaid_curves_and_generators_side_by_side()
    {
        using var http = _app.CreateHttpClient();
        string dataset = (await SymxApi.GenerateSmallTwoBodyAsync(http)).GetProperty("id").GetString()!;
        string a = await SymxApi.StartRunAsync(http, dataset, SymxApi.FastLieGanConfig(epochs: 3), seed: 1);
        string b = await SymxApi.StartRunAsync(http, dataset, SymxApi.FastLieGanConfig(epochs: 3), seed: 2);
        await SymxApi.WaitForRunAsync(http, b, SymxApi.IsFinished);

        var page = await browser.NewPageAsync();
        await BrowserFixture.GotoInteractiveAsync(page, Url("/runs"));
        await page.Locator("#runs-table tbody tr").Nth(0).Locator("input[type=checkbox]").CheckAsync();
        await page.Locator("#runs-table tbody tr").Nth(1).Locator("input[type=checkbox]").CheckAsync();
        await page.Locator("#compare-selected").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/runs/compare"), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#compare-table")).ToContainTextAsync(a);
        await Assertions.Expect(page.Locator("#compare-table")).ToContainTextAsync(b);
        var chart = page.Locator(".symx-chart[data-chart^='compare-chart']");
        await page.WaitForFunctionAsync("() => parseInt(document.querySelector(\".symx-chart[data-chart^='compare-chart']\").dataset.points) === 6");
        await Assertions.Expect(page.Locator($".symx-chart[data-chart='compare-{a}-0'] .main-svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($".symx-chart[data-chart='compare-{b}-0'] .main-svg").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "07-compare");

        await BrowserFixture.GotoInteractiveAsync(page, Url("/about"));
        await Assertions.Expect(page.Locator("#backend-engine")).ToContainTextAsync("TorchSharp");
        await BrowserFixture.ScreenshotAsync(page, "08-backend");
    }

    [Fact]
    public async Task A_collapse_restart_is_shown_on_the_run_page_with_the_longer_epoch_count()
    {
        using var http = _app.CreateHttpClient();
        string dataset = (await SymxApi.GenerateSmallTwoBodyAsync(http)).GetProperty("id").GetString()!;
        // A collapse norm no L is below: the first epoch's end counts as a collapse, so the run starts over once.
        string run = await SymxApi.StartRunAsync(http, dataset,
            new { epochs = 2, batch_size = 512, hidden_width = 64, sample_count = 64, collapse_restarts = 1, collapse_norm = 1000 }, seed: 1);
        await SymxApi.WaitForRunAsync(http, run, SymxApi.IsFinished);

        var page = await browser.NewPageAsync();
        await BrowserFixture.GotoInteractiveAsync(page, Url($"/runs/{run}"));
        await Assertions.Expect(page.Locator(".run-warning").First).ToContainTextAsync("collapsed to the identity at epoch 1");
        await Assertions.Expect(page.Locator("#run-epoch")).ToContainTextAsync("3 / 3");
        await page.Locator(".symx-chart .main-svg").First.WaitForAsync(Long);
        await BrowserFixture.ScreenshotAsync(page, "09-collapse-restart");
    }

    private static async Task SetFieldAsync(IPage page, string field, string value)
    {
        var input = page.Locator($"input[data-field='{field}']");
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    private static async Task WaitForAttributeAsync(ILocator locator, string attribute, Func<string, bool> condition, int timeoutMs = 120_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        string? value = null;
        while (DateTime.UtcNow < deadline)
        {
            value = await locator.GetAttributeAsync(attribute);
            if (value is not null && condition(value)) return;
            await Task.Delay(200);
        }
        Assert.Fail($"{attribute} never met the condition; last value '{value}'");
    }

    public void Dispose() => _app.Dispose();
}
