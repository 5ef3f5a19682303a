using SymmetryExplorer.Compute.Flows;
using SymmetryExplorer.Compute.Flows.Datasets;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Relaxed.Training;

/// <summary>
/// A flow data set as one tensor (S, T, 2, H, W) on the training device, and batches cut from it:
/// inputs (B, 2 * frames, H, W) with the past frames stacked, targets (B, steps, 2, H, W).
/// </summary>
internal sealed class FlowTensors : IDisposable
{
    private readonly Tensor _data;

    public FlowTensors(FlowData data, Device device)
    {
        Height = data.Height;
        Width = data.Width;
        using var host = tensor(data.Values, [data.Simulations, data.Frames, 2, data.Height, data.Width]);
        _data = host.to(device);
    }

    public int Height { get; }
    public int Width { get; }

    /// <summary>Inputs and targets of some windows. Tensors belong to the caller's dispose scope.</summary>
    public (Tensor Input, Tensor Target) Batch(IReadOnlyList<FlowWindow> windows, int inputFrames, int steps)
    {
        var inputs = new Tensor[windows.Count];
        var targets = new Tensor[windows.Count];
        for (int i = 0; i < windows.Count; i++)
        {
            var sim = _data[windows[i].Simulation];
            inputs[i] = sim.narrow(0, windows[i].Start, inputFrames).reshape(2 * inputFrames, Height, Width);
            targets[i] = sim.narrow(0, windows[i].Start + inputFrames, steps);
        }
        return (stack(inputs), stack(targets));
    }

    public void Dispose() => _data.Dispose();
}
