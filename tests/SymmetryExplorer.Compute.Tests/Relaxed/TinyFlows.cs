using SymmetryExplorer.Compute.Flows.Datasets;
using SymmetryExplorer.Compute.Relaxed;

namespace SymmetryExplorer.Compute.Tests.Relaxed;

/// <summary>Small, quick data and configurations shared by the training tests.</summary>
internal static class TinyFlows
{
    private static readonly Lazy<FlowDataset> Rotation = new(() =>
        BuiltInFlowDatasets.Generate("smoke-rotation", new FlowGenerationOptions { Grid = 16, Simulations = 8, Frames = 36 }, seed: 1));

    /// <summary>smoke-rotation on a 16 x 16 grid, 8 simulations of 36 frames (generated once per test run).</summary>
    public static FlowDataset SmokeRotation => Rotation.Value;

    public static RelaxedConfig Config(string model, int epochs = 3) => new()
    {
        Model = model,
        Hidden = model is "conv" or "rtrans" ? 8 : model == "rsteer" ? 2 : 3,
        Layers = 3,
        InputFrames = 2,
        RolloutTrain = 2,
        RolloutTest = 4,
        BatchSize = 8,
        Epochs = epochs,
        Patience = 0,
        LearningRate = 3e-3,
        SnapshotEvery = 2,
        EquivarianceSamples = 4,
        TrainWindowsPerEpoch = 32,
    };
}
