using SymmetryExplorer.Compute.Flows.Datasets;
using SymmetryExplorer.Compute.Relaxed.Networks;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SymmetryExplorer.Compute.Relaxed.Training;

/// <summary>
/// Predicted versus true rollout of one sample, for the live view's step slider. Arrays are
/// [step][component (vx, vy)][row (y up)][column], averaged down to at most 32 x 32 cells and
/// rounded to 5 decimals to keep snapshots small. Sent as <c>JobSnapshot</c> named <c>rollout</c>.
/// </summary>
public sealed record RolloutSnapshot(
    int Steps,
    int Height,
    int Width,
    double[][][][] Truth,
    double[][][][] Prediction,
    string Split,
    int Simulation,
    int Start,
    int Downsample)
{
    public const string SnapshotName = "rollout";
    public const int MaxSide = 32;

    internal static RolloutSnapshot Capture(RelaxedNetwork model, FlowTensors data, FlowWindow window, string split, int inputFrames, int steps)
    {
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            var (input, target) = data.Batch([window], inputFrames, steps);
            var prediction = Rollout.Predict(model, input, steps);
            int factor = (int)Math.Ceiling(Math.Max(data.Height, data.Width) / (double)MaxSide);
            Tensor Shrink(Tensor t) => factor > 1 ? F.avg_pool2d(t[0], factor, factor, ceil_mode: true) : t[0];
            var truth = Shrink(target);
            var predicted = Shrink(prediction);
            int h = (int)truth.shape[2], w = (int)truth.shape[3];
            return new RolloutSnapshot(steps, h, w, ToNested(truth, steps, h, w), ToNested(predicted, steps, h, w),
                                       split, window.Simulation, window.Start, factor);
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    private static double[][][][] ToNested(Tensor t, int steps, int h, int w)
    {
        var flat = t.to(ScalarType.Float32).contiguous().data<float>().ToArray();
        var result = new double[steps][][][];
        for (int s = 0; s < steps; s++)
        {
            result[s] = new double[2][][];
            for (int c = 0; c < 2; c++)
            {
                result[s][c] = new double[h][];
                for (int y = 0; y < h; y++)
                {
                    var row = new double[w];
                    for (int x = 0; x < w; x++) row[x] = Math.Round(flat[((s * 2 + c) * h + y) * w + x], 5);
                    result[s][c][y] = row;
                }
            }
        }
        return result;
    }
}
