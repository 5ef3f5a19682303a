namespace SymmetryExplorer.Compute.LieGan;

/// <summary>
/// Settings of the downstream experiment, as in the reference's aug_pred.ipynb: 5 frames in, 5 out,
/// an MLP with 3 hidden layers of 32, Adam 1e-4, batch 512, 2000 epochs, and coefficients
/// z ~ N(0, 3^2) for every symmetry it compares (its GaussianSampler(1, 0, 3)).
/// </summary>
public sealed record AugmentationConfig
{
    public int Epochs { get; init; } = 2000;
    public int BatchSize { get; init; } = 512;
    public double LearningRate { get; init; } = 1e-4;
    public int Hidden { get; init; } = 32;
    public int FramesIn { get; init; } = 5;
    public int FramesOut { get; init; } = 5;

    /// <summary>Standard deviation of the augmentation coefficients (the notebook's 3, for learned and ground-truth generators alike).</summary>
    public double Sigma { get; init; } = 3;

    public AugmentationConfig Validate()
    {
        if (Epochs is < 1 or > 100000) throw new InvalidInputException($"epochs must be between 1 and 100000, not {Epochs}.", "epochs");
        if (BatchSize is < 1 or > 65536) throw new InvalidInputException($"batch size must be between 1 and 65536, not {BatchSize}.", "batch_size");
        if (!(LearningRate > 0 && LearningRate <= 1)) throw new InvalidInputException($"learning rate must be in (0, 1], not {LearningRate}.", "learning_rate");
        if (Hidden is < 1 or > 4096) throw new InvalidInputException($"hidden width must be between 1 and 4096, not {Hidden}.", "hidden");
        if (!(Sigma > 0 && Sigma <= 1000)) throw new InvalidInputException($"sigma must be a positive number up to 1000, not {Sigma}.", "sigma");
        return this;
    }
}
