using Bunit;
using Microsoft.AspNetCore.Components;
using SymmetryExplorer.Web.Components.Layout;

namespace SymmetryExplorer.Web.Tests.Components;

public class MainLayoutTests : ComponentTestBase
{
    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p id=\"page-body\">page</p>"))));

    [Fact]
    public void Layout_shows_app_bar_title_navigation_and_page_body()
    {
        var layout = RenderLayout();

        Assert.Contains("Symmetry Explorer", layout.Find(".mud-appbar").TextContent);
        var links = layout.FindAll(".mud-nav-link").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Home", "Data sets", "New run", "Runs", "Compare", "Backend"], links);
        Assert.Equal("page", layout.Find("#page-body").TextContent);
    }

    [Fact]
    public void Theme_toggle_switches_between_light_and_dark()
    {
        var layout = RenderLayout();
        string Theme() => layout.Find("#symx-app").GetAttribute("data-theme")!;
        Assert.Equal("light", Theme());

        layout.Find("#theme-toggle").Click();
        Assert.Equal("dark", Theme());

        layout.Find("#theme-toggle").Click();
        Assert.Equal("light", Theme());
    }

    [Fact]
    public void Menu_button_toggles_the_navigation_drawer_and_back()
    {
        var layout = RenderLayout();
        bool IsOpen() => layout.Find(".mud-drawer").ClassList.Contains("mud-drawer--open");
        var toggle = () => layout.Find("button[aria-label='Toggle navigation']").Click();
        bool initial = IsOpen();

        toggle();
        Assert.NotEqual(initial, IsOpen());

        toggle();
        Assert.Equal(initial, IsOpen());
    }
}
