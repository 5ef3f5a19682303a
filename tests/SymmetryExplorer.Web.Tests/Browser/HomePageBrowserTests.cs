using Microsoft.Playwright;
using SymmetryExplorer.Web.Tests.Infrastructure;

namespace SymmetryExplorer.Web.Tests.Browser;

public class HomePageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly SymxWebApp _app = new();

    [Fact]
    public async Task Home_page_becomes_interactive_and_the_theme_toggle_switches_to_dark()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.GotoInteractiveAsync(page, _app.BaseAddress);

        Assert.Equal("Symmetry Explorer", await page.TitleAsync());
        await Assertions.Expect(page.Locator("h3")).ToContainTextAsync("Find the symmetry in your data");
        var app = page.Locator("#symx-app");
        string before = (await app.GetAttributeAsync("data-theme"))!;

        await page.Locator("#theme-toggle").ClickAsync();

        string after = before == "dark" ? "light" : "dark";
        await Assertions.Expect(app).ToHaveAttributeAsync("data-theme", after);
        // MudBlazor restyles the page: the body background follows the palette.
        string background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal(after == "dark" ? "rgb(20, 22, 31)" : "rgb(246, 247, 251)", background);
        await BrowserFixture.ScreenshotAsync(page, "home-" + after);
    }

    public void Dispose() => _app.Dispose();
}
