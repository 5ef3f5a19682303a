using MudBlazor;

namespace SymmetryExplorer.Web.Components.Layout;

/// <summary>The application's MudBlazor theme: indigo and amber, with a matching dark palette.</summary>
public static class SymxTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            Secondary = "#00897b",
            Tertiary = "#ffb300",
            AppbarBackground = "#283593",
            Background = "#f6f7fb",
            DrawerBackground = "#ffffff",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7986cb",
            Secondary = "#4db6ac",
            Tertiary = "#ffca28",
            AppbarBackground = "#1a1f3c",
            Background = "#14161f",
            Surface = "#1c1f2b",
            DrawerBackground = "#181b26",
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "232px" },
    };
}
