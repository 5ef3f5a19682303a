using SymmetryExplorer.Compute.Flows.Datasets;
using SymmetryExplorer.Compute.Relaxed.Networks;
using SymmetryExplorer.Compute.Relaxed.Training;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Relaxed.Metrics;

/// <summary>Errors of autoregressive rollouts over a set of windows.</summary>
/// <param name="Rmse">Root of the mean squared error over all windows, steps, components and pixels.</param>
/// <param name="RmseByStep">The same per rollout step (error growth along the rollout).</param>
/// <param name="EnergySpectrumError">Mean log10 energy-spectrum RMSE over all predicted frames (see <see cref="EnergySpectrum"/>).</param>
/// <param name="Windows">Windows evaluated.</param>
public sealed record RolloutScores(double Rmse, IReadOnlyList<double> RmseByStep, double EnergySpectrumError, int Windows);

internal static class RolloutEvaluation
{
    /// <summary>Runs the model in evaluation mode on every window (in batches) and accumulates exact sums.</summary>
    public static RolloutScores Evaluate(RelaxedNetwork model, FlowTensors data, IReadOnlyList<FlowWindow> windows, int inputFrames,
                                         int steps, int batchSize, CancellationToken cancellation, bool withSpectrum = true)
    {
        if (windows.Count == 0) return new RolloutScores(double.NaN, [], double.NaN, 0);
        bool wasTraining = model.training;
        model.eval();
        var squared = new double[steps];
        double spectrumSum = 0;
        long perStep = 0;
        try
        {
            for (int start = 0; start < windows.Count; start += batchSize)
            {
                cancellation.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                using var _ = no_grad();
                var batch = windows.Skip(start).Take(batchSize).ToArray();
                var (input, target) = data.Batch(batch, inputFrames, steps);
                var prediction = Rollout.Predict(model, input, steps);
                var error = (prediction - target).square().sum([0L, 2L, 3L, 4L]).to(ScalarType.Float64).data<double>().ToArray();
                for (int s = 0; s < steps; s++) squared[s] += error[s];
                perStep += target.shape[0] * target.shape[2] * target.shape[3] * target.shape[4];
                if (withSpectrum) spectrumSum += EnergySpectrum.Error(prediction, target) * batch.Length;
            }
        }
        finally
        {
            model.train(wasTraining);
        }
        var byStep = squared.Select(s => Math.Sqrt(s / perStep)).ToArray();
        return new RolloutScores(Math.Sqrt(squared.Sum() / (perStep * steps)), byStep,
                                 withSpectrum ? spectrumSum / windows.Count : double.NaN, windows.Count);
    }
}
