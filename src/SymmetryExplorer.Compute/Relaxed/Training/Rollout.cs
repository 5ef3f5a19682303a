using SymmetryExplorer.Compute.Relaxed.Networks;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Relaxed.Training;

/// <summary>Autoregressive prediction: each predicted frame is appended to the input window for the next step.</summary>
internal static class Rollout
{
    /// <summary>Predictions (B, steps, 2, H, W) from stacked past frames (B, 2 * frames, H, W).</summary>
    public static Tensor Predict(RelaxedNetwork model, Tensor input, int steps)
    {
        var predictions = new Tensor[steps];
        var x = input;
        for (int s = 0; s < steps; s++)
        {
            var next = model.forward(x);
            predictions[s] = next;
            x = cat([x.narrow(1, 2, x.shape[1] - 2), next], 1);
        }
        return stack(predictions, 1);
    }
}
