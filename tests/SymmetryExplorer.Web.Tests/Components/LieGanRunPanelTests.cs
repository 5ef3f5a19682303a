using System.Text.Json;
using Bunit;
using MudBlazor;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using SymmetryExplorer.Web.Components.Charts;
using SymmetryExplorer.Web.Features.LieGan;
using SymmetryExplorer.Web.Features.Runs.Events;
using SymmetryExplorer.Web.Features.Runs.Live;
using SymmetryExplorer.Web.Storage;

namespace SymmetryExplorer.Web.Tests.Components;

public class LieGanRunPanelTests : ComponentTestBase
{
    private static readonly RunRecord Run = new()
    {
        Id = "run-test", Kind = "liegan", DatasetId = "ds-x", DatasetName = "orbits", ConfigJson = "{}", Device = "cpu", ProvenanceJson = "{}",
    };

    private long _seq;

    /// <summary>A 2x2 generator whose entries say which epoch it belongs to.</summary>
    private static double[][] GeneratorOf(int epoch) => [[0, epoch + 1], [-(epoch + 1), 0]];

    private RunEvent Snapshot(string name, int epoch, object data) =>
        new(Run.Id, ++_seq, RunEventKinds.Snapshot, name, epoch, epoch * 10, DateTimeOffset.UtcNow, RunJson.ToElement(data));

    private async Task AddEpochAsync(SnapshotTimeline timeline, int epoch)
    {
        await timeline.AddAsync(Snapshot("generators", epoch, new { generators = new[] { GeneratorOf(epoch) }, feature_names = new[] { "x", "y" } }));
        await timeline.AddAsync(Snapshot("invariant_metric", epoch, new
        {
            j = new[] { new[] { 1.0, 0 }, new[] { 0, 1.0 } }, eigenvalues = new[] { 1.0, 1.0 }, signature = "(+2, -0, 0:0)", cosine_to_reference = (double?)null, residual = 1e-3,
        }));
        await timeline.AddAsync(Snapshot("samples", epoch, new
        {
            feature_names = new[] { "x", "y" }, real = new[] { new[] { 1.0, 0 } }, transformed = new[] { new[] { 0.0, 1 } },
        }));
    }

    private static double[][] ShownGenerator(IRenderedComponent<LieGanRunPanel> cut)
    {
        var chart = cut.FindComponents<MatrixHeatmap>().Single(h => h.Instance.Id == "generator-0").FindComponent<PlotlyChart>().Instance;
        var heatmap = (HeatMap)chart.Data[0];
        return heatmap.Z.Cast<IEnumerable<object?>>().Select(r => r.Select(v => (double)v!).ToArray()).ToArray();
    }

    [Fact]
    public async Task Panel_follows_the_newest_epoch_and_the_slider_selects_an_earlier_snapshot()
    {
        // Payloads added live are cached, so the store is never asked in this test.
        var timeline = new SnapshotTimeline(Run.Id, store: null!);
        await timeline.AddAsync(Snapshot("reference", 0, new { name = "so2", generators = new[] { new[] { new[] { 0.0, 1 }, new[] { -1.0, 0 } } } }));
        for (int epoch = 0; epoch < 3; epoch++) await AddEpochAsync(timeline, epoch);

        var cut = Render<LieGanRunPanel>(p => p.Add(x => x.Run, Run).Add(x => x.Timeline, timeline));

        Assert.Equal("epoch 3 of 3", cut.Find("#liegan-epoch").TextContent);
        Assert.Equal(GeneratorOf(2), ShownGenerator(cut));

        var slider = cut.FindComponent<MudSlider<int>>();
        await cut.InvokeAsync(() => slider.Instance.ValueChanged.InvokeAsync(0));

        Assert.Equal("epoch 1 of 3", cut.Find("#liegan-epoch").TextContent);
        Assert.Equal(GeneratorOf(0), ShownGenerator(cut));

        // A new epoch arrives while the user looks at an old one: the view stays where it is.
        await cut.InvokeAsync(() => AddEpochAsync(timeline, 3));
        Assert.Equal("epoch 1 of 4", cut.Find("#liegan-epoch").TextContent);
        Assert.Equal(GeneratorOf(0), ShownGenerator(cut));
    }

    [Fact]
    public async Task Generator_title_shows_the_sign_invariant_cosine_to_the_reference()
    {
        var timeline = new SnapshotTimeline(Run.Id, store: null!);
        await timeline.AddAsync(Snapshot("reference", 0, new { name = "so2", generators = new[] { new[] { new[] { 0.0, 1 }, new[] { -1.0, 0 } } } }));
        await AddEpochAsync(timeline, 4); // [[0, 5], [-5, 0]] is 5 x the reference

        var cut = Render<LieGanRunPanel>(p => p.Add(x => x.Run, Run).Add(x => x.Timeline, timeline));

        var title = cut.FindComponents<MatrixHeatmap>().Single(h => h.Instance.Id == "generator-0").Instance.Title;
        Assert.Contains("|cos| = 1.0000", title);
    }
}
