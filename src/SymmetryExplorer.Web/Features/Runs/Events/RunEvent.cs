using System.Text.Json;

namespace SymmetryExplorer.Web.Features.Runs.Events;

/// <summary>
/// One event of a run as viewers see it: the SignalR contract's <c>RunEvent</c> message
/// (<c>runId, seq, kind, step, epoch, data</c>) plus the snapshot/metrics <c>name</c> and the time.
/// </summary>
public sealed record RunEvent(
    string RunId,
    long Seq,
    string Kind,
    string? Name,
    int Epoch,
    long Step,
    DateTimeOffset Time,
    JsonElement Data);
