using SymmetryExplorer.Compute.Flows;
using SymmetryExplorer.Compute.Flows.Datasets;
using SymmetryExplorer.Compute.Relaxed;
using SymmetryExplorer.Compute.Relaxed.Networks;
using SymmetryExplorer.Compute.Relaxed.Training;
using TorchSharp;

namespace SymmetryExplorer.Compute.Tests.Relaxed;

public class RolloutSnapshotTests
{
    public RolloutSnapshotTests() => TorchFixture.Ensure();

    [Fact]
    public void Large_grids_are_averaged_down_to_at_most_32_cells_per_side()
    {
        var rng = new Random(4);
        var data = new FlowData(Enumerable.Range(0, 14 * 2 * 40 * 40).Select(_ => (float)rng.NextDouble()).ToArray(), 1, 14, 40, 40);
        var config = new RelaxedConfig { Model = "conv", Hidden = 2, Layers = 2, InputFrames = 2 };
        using var model = RelaxedNetworks.Create(config, 40, 40);
        using var tensors = new FlowTensors(data, torch.CPU);

        var snapshot = RolloutSnapshot.Capture(model, tensors, new FlowWindow(0, 3), "valid", inputFrames: 2, steps: 3);

        Assert.Equal((3, 20, 20, 2), (snapshot.Steps, snapshot.Height, snapshot.Width, snapshot.Downsample));
        // Truth of step 0 is frame 3 + 2 = 5; cell (row 0, column 0) of vy averages the 2 x 2 block.
        var frame = data.Frame(0, 5);
        double block = (frame[1600] + frame[1601] + frame[1640] + frame[1641]) / 4.0;
        Assert.Equal(block, snapshot.Truth[0][1][0][0], 4);
        Assert.Equal(20, snapshot.Prediction[2][0][19].Length);
    }
}
