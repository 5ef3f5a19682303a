namespace SymmetryExplorer.Compute.Jobs;

/// <summary>A sink that drops everything: for benchmarks and tests that only want the result.</summary>
public sealed class NullJobSink : IJobSink
{
    public static readonly NullJobSink Instance = new();

    public void Progress(JobProgress progress) { }
    public void Metrics(JobMetrics metrics) { }
    public void Snapshot(JobSnapshot snapshot) { }
    public void CheckpointSaved(JobCheckpointSaved checkpoint) { }
    public void Log(JobLogLevel level, string message) { }
}
