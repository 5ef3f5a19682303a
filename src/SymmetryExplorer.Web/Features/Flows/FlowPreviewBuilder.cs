using SymmetryExplorer.Compute.Flows;

namespace SymmetryExplorer.Web.Features.Flows;

/// <summary>A few simulations of a flow file, thinned in time and space, for the animated preview.</summary>
public sealed record FlowPreviewModel(int Height, int Width, int Downsample, int TotalFrames, IReadOnlyList<FlowPreviewSimulation> Simulations);

/// <param name="Frames">Frame numbers shown.</param>
/// <param name="Velocity">[frame][component][row (y up)][column].</param>
public sealed record FlowPreviewSimulation(int Index, string Split, int[] Frames, double[][][][] Velocity);

public static class FlowPreviewBuilder
{
    private const int MaxSide = 48;
    private const int MaxFrames = 40;

    public static FlowPreviewModel Build(FlowData data, FlowLayout layout)
    {
        int factor = (int)Math.Ceiling(Math.Max(data.Height, data.Width) / (double)MaxSide);
        int step = Math.Max(1, (int)Math.Ceiling(data.Frames / (double)MaxFrames));
        var frames = Enumerable.Range(0, data.Frames).Where(t => t % step == 0).ToArray();
        var picks = layout.TrainSimulations.Take(2).Select(s => (s, "train"))
            .Concat(layout.DomainSimulations.Take(1).Select(s => (s, "held out")));
        var simulations = picks.Select(p => new FlowPreviewSimulation(p.s, p.Item2, frames,
            frames.Select(t => FlowFields.Downsample(data.Frame(p.s, t), data.Height, data.Width, factor)).ToArray())).ToList();
        return new FlowPreviewModel((data.Height + factor - 1) / factor, (data.Width + factor - 1) / factor, factor, data.Frames, simulations);
    }
}
