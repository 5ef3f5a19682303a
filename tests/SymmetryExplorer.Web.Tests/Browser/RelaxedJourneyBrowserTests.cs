using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SymmetryExplorer.Web.Tests.Infrastructure;

namespace SymmetryExplorer.Web.Tests.Browser;

/// <summary>
/// Relaxed-equivariant training in the browser: generate a small smoke-plume set, preview it, train
/// an RGroup for a few epochs while the equivariance-error chart updates, then export.
/// </summary>
public class RelaxedJourneyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly SymxWebApp _app = new();

    private Uri Url(string path) => new(_app.BaseAddress, path);

    [Fact]
    public async Task Generate_preview_train_rgroup_watch_equivariance_and_export()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.GotoInteractiveAsync(page, Url("/datasets"));

        // A small smoke-rotation set from its card.
        await SetAsync(page, "input[data-option='smoke-rotation.grid']", "16");
        await SetAsync(page, "input[data-option='smoke-rotation.frames']", "90");
        await SetAsync(page, "input[data-option='smoke-rotation.simulations']", "8");
        await page.Locator("#generate-smoke-rotation").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/datasets/ds-"), new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("#dataset-summary")).ToContainTextAsync("8 simulations × 90 frames of 16 × 16");
        await Assertions.Expect(page.Locator("#dataset-details")).ToContainTextAsync("data equivariance error");
        await page.Locator(".symx-chart[data-chart^='preview-'] .main-svg").First.WaitForAsync(new() { Timeout = 60_000 });
        string frameBefore = (await page.Locator("#preview-frame").TextContentAsync())!;
        await page.Locator("#preview-play").ClickAsync();
        await Assertions.Expect(page.Locator("#preview-frame")).Not.ToHaveTextAsync(frameBefore);
        await page.Locator("#preview-play").ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, "11-flow-dataset");

        // An RGroup, small and quick.
        await page.Locator("#dataset-new-run").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/runs/new"), new() { Timeout = 30_000 });
        await page.Locator("#symx-app[data-interactive='true']").WaitForAsync();
        await Assertions.Expect(page.Locator("#run-preset")).ToHaveValueAsync("rgroup");
        await SetAsync(page, "input[data-field='epochs']", "4");
        await SetAsync(page, "input[data-field='hidden']", "4");
        await SetAsync(page, "input[data-field='patience']", "0");
        await Assertions.Expect(page.Locator("#start-run")).ToBeEnabledAsync();
        await BrowserFixture.ScreenshotAsync(page, "12-new-relaxed-run");
        // The advanced settings include the vector convention, physical unless changed.
        var advanced = page.GetByLabel("Advanced", new PageGetByLabelOptions { Exact = true });
        await advanced.CheckAsync();
        await Assertions.Expect(page.Locator("[data-field='vector_convention']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-field='vector_convention']")).ToContainTextAsync("physical");
        await BrowserFixture.ScreenshotAsync(page, "12b-new-relaxed-run-advanced");
        await advanced.UncheckAsync();
        await page.Locator("#start-run").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/runs/run-"), new() { Timeout = 30_000 });
        string runId = page.Url.Split('/').Last();

        // The equivariance-error chart gains points epoch by epoch, then the run completes.
        var ee = page.Locator(".symx-chart[data-chart='chart-equivariance']");
        await WaitForAsync(ee, "data-last-x", v => double.Parse(v) >= 1);
        await WaitForAsync(ee, "data-last-x", v => double.Parse(v) >= 2);
        await page.Locator("[data-status='completed']").First.WaitForAsync(new() { Timeout = 600_000 });
        await page.Locator(".symx-chart[data-chart='rollout-prediction'] .main-svg").First.WaitForAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#rollout-caption")).ToContainTextAsync("RMSE at this step");
        await BrowserFixture.ScreenshotAsync(page, "13-relaxed-run");

        // Export: the relaxed result of the contract, with per-element equivariance errors.
        await page.Locator("#export-menu").ClickAsync();
        var popup = await page.RunAndWaitForPopupAsync(() => page.GetByText("Everything (JSON)").ClickAsync());
        await popup.WaitForLoadStateAsync();
        using var export = JsonDocument.Parse(await popup.EvaluateAsync<string>("() => document.body.innerText"));
        var result = export.RootElement.GetProperty("result");
        Assert.Equal("rgroup", result.GetProperty("model").GetString());
        Assert.True(result.GetProperty("rmse_future").GetDouble() > 0);
        Assert.Equal(["90", "180", "270"], result.GetProperty("equivariance_error_per_element").EnumerateObject().Select(p => p.Name));
        Assert.Equal(runId, export.RootElement.GetProperty("run").GetProperty("id").GetString());
    }

    private static async Task SetAsync(IPage page, string selector, string value)
    {
        var input = page.Locator(selector);
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    private static async Task WaitForAsync(ILocator locator, string attribute, Func<string, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (DateTime.UtcNow < deadline)
        {
            if (await locator.GetAttributeAsync(attribute) is { } v && condition(v)) return;
            await Task.Delay(250);
        }
        Assert.Fail($"{attribute} never met the condition");
    }

    public void Dispose() => _app.Dispose();
}
