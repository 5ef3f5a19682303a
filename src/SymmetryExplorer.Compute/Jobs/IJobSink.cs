namespace SymmetryExplorer.Compute.Jobs;

/// <summary>
/// The narrow channel through which a running job reports. Called on the job's own thread; an
/// implementation must be quick and thread-safe (the web app writes to its store and fans out;
/// the CLI draws a progress line). A sink must never throw into the job.
/// </summary>
public interface IJobSink
{
    /// <summary>Where the job is: epoch/step counters, elapsed time and an estimate of the rest.</summary>
    void Progress(JobProgress progress);

    /// <summary>Scalar metrics (loss means, similarities, errors) at an epoch or every k steps.</summary>
    void Metrics(JobMetrics metrics);

    /// <summary>A structured snapshot (generators, invariant metric, samples, a rollout) for plots.</summary>
    void Snapshot(JobSnapshot snapshot);

    /// <summary>A checkpoint was written: the job can be resumed from <see cref="JobCheckpointSaved.Path"/>.</summary>
    void CheckpointSaved(JobCheckpointSaved checkpoint);

    /// <summary>A human-readable line.</summary>
    void Log(JobLogLevel level, string message);
}

public enum JobLogLevel { Debug, Info, Warning, Error }
