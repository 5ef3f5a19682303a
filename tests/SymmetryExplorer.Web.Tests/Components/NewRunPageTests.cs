using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SymmetryExplorer.Compute.Runtime;
using SymmetryExplorer.Web.Features.Datasets;
using SymmetryExplorer.Web.Features.LieGan;
using SymmetryExplorer.Web.Features.Runs;
using SymmetryExplorer.Web.Features.Runs.Pages;
using SymmetryExplorer.Web.Features.Trajectories;
using SymmetryExplorer.Web.Storage;

namespace SymmetryExplorer.Web.Tests.Components;

/// <summary>The new-run form against the app's real services (SQLite in a temp folder, the LieGAN run kind).</summary>
public class NewRunPageTests : ComponentTestBase
{
    private readonly string _dataDirectory;

    public NewRunPageTests() : this(Path.Combine(Path.GetTempPath(), "symx-tests", "form-" + Guid.NewGuid().ToString("N")))
    {
    }

    private NewRunPageTests(string dataDirectory) : base(services => AddAppServices(services, dataDirectory))
    {
        _dataDirectory = dataDirectory;
        Services.GetRequiredService<IServiceProvider>().InitializeDatabase();
    }

    private static void AddAppServices(IServiceCollection services, string dataDirectory)
    {
        TorchRuntime.Initialize(new ComputeOptions { Device = "cpu" });
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory })
            .Build();
        services.AddLogging();
        services.AddSymxStorage(configuration);
        services.AddSymxDatasets();
        services.AddSymxTrajectories();
        services.AddSymxLieGan();
        services.AddSymxRuns(configuration);
    }

    private async Task<IRenderedComponent<NewRunPage>> RenderWithDatasetAsync()
    {
        var dataset = await Services.GetRequiredService<DatasetService>().GenerateAsync(DatasetKinds.Trajectory, "two-body",
            System.Text.Json.JsonSerializer.SerializeToElement(new { trajectories = 30, test_trajectories = 5 }), seed: 1);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"runs/new?dataset={dataset.Id}");
        return Render<NewRunPage>();
    }

    [Fact]
    public async Task The_form_starts_from_the_suggested_preset_and_shows_the_engines_error_next_to_a_bad_field()
    {
        var cut = await RenderWithDatasetAsync();
        cut.WaitForElement("input[data-field='epochs']");
        Assert.Equal("100", cut.Find("input[data-field='epochs']").GetAttribute("value"));
        Assert.False(cut.Find("#start-run").HasAttribute("disabled"));

        cut.Find("input[data-field='epochs']").Change("0");

        cut.WaitForAssertion(() => Assert.Contains("epochs must be between 1 and 100000", cut.Markup));
        Assert.True(cut.Find("#start-run").HasAttribute("disabled"));

        cut.Find("input[data-field='epochs']").Change("12");

        cut.WaitForAssertion(() => Assert.DoesNotContain("epochs must be between", cut.Markup));
        Assert.False(cut.Find("#start-run").HasAttribute("disabled"));
        Assert.Contains("12 epochs", cut.Markup);
    }

    [Fact]
    public async Task Choosing_another_preset_loads_its_values()
    {
        var cut = await RenderWithDatasetAsync();
        cut.WaitForElement("input[data-field='epochs']");

        var presetSelect = cut.FindComponents<MudBlazor.MudSelect<string>>().Single(s => s.Instance.Label == "Preset");
        await cut.InvokeAsync(() => presetSelect.Instance.ValueChanged.InvokeAsync("two-body-fast"));

        cut.WaitForAssertion(() => Assert.Equal("30", cut.Find("input[data-field='epochs']").GetAttribute("value")));
        Assert.Equal("0.01", cut.Find("input[data-field='generator_learning_rate']").GetAttribute("value"));
    }

    [Fact]
    public async Task Optional_numbers_are_number_fields_that_may_stay_empty()
    {
        var cut = await RenderWithDatasetAsync();
        cut.WaitForElement("input[data-field='epochs']");
        var advanced = cut.FindComponents<MudBlazor.MudSwitch<bool>>().Single(s => s.Instance.Label == "Advanced");
        await cut.InvokeAsync(() => advanced.Instance.ValueChanged.InvokeAsync(true));

        // Null in the preset: an empty number input (not a JSON box), and the form is still valid.
        var margin = cut.WaitForElement("input[data-field='cosine_margin']");
        Assert.Equal("", margin.GetAttribute("value") ?? "");
        Assert.Empty(cut.FindAll("textarea[data-field='cosine_margin']"));
        Assert.False(cut.Find("#start-run").HasAttribute("disabled"));

        margin.Change("1.5");
        cut.WaitForAssertion(() => Assert.Contains("cosine_margin must be in [0, 1)", cut.Markup));
        Assert.True(cut.Find("#start-run").HasAttribute("disabled"));

        cut.Find("input[data-field='cosine_margin']").Change("0.9");
        cut.WaitForAssertion(() => Assert.DoesNotContain("cosine_margin must be", cut.Markup));
        Assert.False(cut.Find("#start-run").HasAttribute("disabled"));
    }

    protected override Task CleanupAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
