using SymmetryExplorer.Web.Storage;

namespace SymmetryExplorer.Web.Features.Runs.Events;

/// <summary>
/// An event on its way to the store. <see cref="ApplyToRun"/> changes the run's row in the same
/// transaction as the event is written, so the run row and its event log never disagree.
/// </summary>
public sealed record PendingRunEvent(
    string RunId,
    string Kind,
    string? Name,
    int Epoch,
    long Step,
    string DataJson,
    Action<RunRecord>? ApplyToRun = null)
{
    public DateTimeOffset Time { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Completed once the event is stored (or the write failed).</summary>
    public TaskCompletionSource<RunEvent?> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
