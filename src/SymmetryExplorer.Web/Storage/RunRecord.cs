namespace SymmetryExplorer.Web.Storage;

/// <summary>A training run: its configuration, state and outcome. Its events are <see cref="RunEventRecord"/>s.</summary>
public sealed class RunRecord
{
    public required string Id { get; set; }

    /// <summary>Run kind: <c>liegan</c> or <c>relaxed</c>.</summary>
    public required string Kind { get; set; }

    public required string DatasetId { get; set; }

    /// <summary>Name of the data set at launch, kept so the run still reads well if the data set is deleted.</summary>
    public required string DatasetName { get; set; }

    public string? Preset { get; set; }

    /// <summary>The validated configuration as JSON (engine-specific).</summary>
    public required string ConfigJson { get; set; }

    public int Seed { get; set; }

    public required string Device { get; set; }

    public string Status { get; set; } = RunStatus.Queued;

    public string? Error { get; set; }

    public double Progress { get; set; }
    public int Epoch { get; set; }
    public int TotalEpochs { get; set; }

    /// <summary>One line for run lists, e.g. "|cos| to so(2) = 0.9994".</summary>
    public string? Summary { get; set; }

    /// <summary>Headline numbers as a JSON object of name to value.</summary>
    public string? KeyMetricsJson { get; set; }

    /// <summary>The engine's result document (result.json of the contract).</summary>
    public string? ResultJson { get; set; }

    /// <summary>Versions, device, data set checksum and the like, as JSON.</summary>
    public required string ProvenanceJson { get; set; }

    public string? LastCheckpointPath { get; set; }

    /// <summary>Set when the user asked to continue from <see cref="LastCheckpointPath"/>; cleared once the job starts.</summary>
    public bool ResumeRequested { get; set; }
    public int? LastCheckpointEpoch { get; set; }

    /// <summary>Highest event sequence number written so far.</summary>
    public long LastSeq { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Training time in seconds over all attempts (resumes add up).</summary>
    public double TrainingSeconds { get; set; }
}

public static class RunStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string Interrupted = "interrupted";

    public static bool IsActive(string status) => status is Queued or Running;
    public static bool IsFinished(string status) => !IsActive(status);
}
