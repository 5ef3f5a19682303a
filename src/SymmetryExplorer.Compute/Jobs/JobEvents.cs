namespace SymmetryExplorer.Compute.Jobs;

/// <param name="Epoch">Current epoch, 0-based; equals <paramref name="TotalEpochs"/> when done.</param>
/// <param name="TotalEpochs">Epochs the job will run in all (including any before a resume).</param>
/// <param name="Step">Global optimisation step (batches since the start of training, across resumes).</param>
/// <param name="StepInEpoch">Batches done in the current epoch.</param>
/// <param name="StepsPerEpoch">Batches per epoch.</param>
/// <param name="Elapsed">Training time so far (across resumes).</param>
/// <param name="Remaining">Estimated time to finish, when it can be estimated.</param>
public sealed record JobProgress(
    int Epoch,
    int TotalEpochs,
    long Step,
    int StepInEpoch,
    int StepsPerEpoch,
    TimeSpan Elapsed,
    TimeSpan? Remaining)
{
    /// <summary>Fraction done in [0, 1].</summary>
    public double Fraction =>
        TotalEpochs <= 0 ? 0 : Math.Clamp((Epoch + (StepsPerEpoch > 0 ? (double)StepInEpoch / StepsPerEpoch : 0)) / TotalEpochs, 0, 1);
}

/// <summary>Scalar metrics. Keys are snake_case names such as <c>d_real</c>, <c>g_adv</c>, <c>cosine_0</c>, <c>valid_loss</c>.</summary>
/// <param name="Epoch">Epoch the values belong to (0-based).</param>
/// <param name="Step">Global step the values were taken at.</param>
/// <param name="Values">Name to value; NaN and infinities are allowed and mean "diverged".</param>
/// <param name="Scope"><c>epoch</c> for epoch means, <c>batch</c> for every-k-batches values.</param>
public sealed record JobMetrics(int Epoch, long Step, IReadOnlyDictionary<string, double> Values, string Scope = JobMetrics.EpochScope)
{
    public const string EpochScope = "epoch";
    public const string BatchScope = "batch";
}

/// <summary>
/// A structured snapshot. <see cref="Data"/> must serialise with System.Text.Json (records, arrays,
/// dictionaries of numbers and strings); it is stored as JSON with snake_case keys.
/// </summary>
/// <param name="Name">What it is, e.g. <c>generators</c>, <c>invariant_metric</c>, <c>samples</c>, <c>rollout</c>.</param>
public sealed record JobSnapshot(int Epoch, long Step, string Name, object Data);

/// <param name="Epoch">Epochs completed when the checkpoint was written.</param>
/// <param name="Path">File to pass back as the resume checkpoint.</param>
public sealed record JobCheckpointSaved(int Epoch, long Step, string Path);
