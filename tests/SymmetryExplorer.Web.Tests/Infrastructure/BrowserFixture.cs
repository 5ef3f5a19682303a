using Microsoft.Playwright;

namespace SymmetryExplorer.Web.Tests.Infrastructure;

/// <summary>
/// One headless Debian Chromium per test class, driven by Playwright's bundled driver (no browser
/// download). Screenshots go to <see cref="ArtifactsDirectory"/> so people can look at them.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ArtifactsDirectory
    {
        get
        {
            string dir = Environment.GetEnvironmentVariable("SYMX_TEST_ARTIFACTS")
                         ?? Path.Combine(AppContext.BaseDirectory, "artifacts");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}: run build/prereqs.sh --browser (the test command does).");
        // Two busy cores run the app, its training and the browser: give assertions time.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            AcceptDownloads = true,
        });
        return await context.NewPageAsync();
    }

    /// <summary>Navigates and waits until Blazor's circuit is live: clicks on prerendered HTML are lost.</summary>
    public static async Task GotoInteractiveAsync(IPage page, Uri url)
    {
        await page.GotoAsync(url.ToString());
        await page.Locator("#symx-app[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDirectory, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
