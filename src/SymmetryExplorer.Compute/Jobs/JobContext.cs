using TorchSharp;

namespace SymmetryExplorer.Compute.Jobs;

/// <summary>What a job gets from whoever runs it.</summary>
/// <param name="Device">Device to train on.</param>
/// <param name="WorkDirectory">A folder the job owns: checkpoints and result files go here.</param>
/// <param name="Sink">Where to report.</param>
/// <param name="Cancellation">Checked at least once per batch; a cancelled job stops within one batch
/// and throws <see cref="OperationCanceledException"/>.</param>
/// <param name="ResumeCheckpoint">A checkpoint written earlier by the same kind of job to continue from, or null.</param>
public sealed record JobContext(
    torch.Device Device,
    string WorkDirectory,
    IJobSink Sink,
    CancellationToken Cancellation,
    string? ResumeCheckpoint = null);
