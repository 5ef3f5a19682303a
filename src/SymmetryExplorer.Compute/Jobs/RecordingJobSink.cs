using System.Collections.Concurrent;

namespace SymmetryExplorer.Compute.Jobs;

/// <summary>Keeps every report in memory, in order: for tests and for callers that post-process a run.</summary>
public sealed class RecordingJobSink : IJobSink
{
    private readonly ConcurrentQueue<object> _events = new();

    public IReadOnlyList<object> Events => _events.ToArray();
    public IReadOnlyList<JobMetrics> MetricsReports => _events.OfType<JobMetrics>().ToList();
    public IReadOnlyList<JobSnapshot> Snapshots => _events.OfType<JobSnapshot>().ToList();
    public IReadOnlyList<JobProgress> ProgressReports => _events.OfType<JobProgress>().ToList();
    public IReadOnlyList<JobCheckpointSaved> Checkpoints => _events.OfType<JobCheckpointSaved>().ToList();

    public void Progress(JobProgress progress) => _events.Enqueue(progress);
    public void Metrics(JobMetrics metrics) => _events.Enqueue(metrics);
    public void Snapshot(JobSnapshot snapshot) => _events.Enqueue(snapshot);
    public void CheckpointSaved(JobCheckpointSaved checkpoint) => _events.Enqueue(checkpoint);
    public void Log(JobLogLevel level, string message) => _events.Enqueue((level, message));
}
