namespace SymmetryExplorer.Web.Storage;

/// <summary>
/// One event a run emitted, in the order it happened (<see cref="Seq"/> increases by one per run).
/// The store is the truth: live viewers, late subscribers and a restarted server all read these.
/// </summary>
public sealed class RunEventRecord
{
    public long Id { get; set; }
    public required string RunId { get; set; }
    public long Seq { get; set; }

    /// <summary><c>status</c>, <c>metrics</c>, <c>snapshot</c> or <c>log</c> (the SignalR contract's kinds).</summary>
    public required string Kind { get; set; }

    /// <summary>Snapshot name, metrics scope, status value or log level: lets queries skip the JSON.</summary>
    public string? Name { get; set; }

    public int Epoch { get; set; }
    public long Step { get; set; }
    public DateTimeOffset Time { get; set; }

    /// <summary>The event's payload as JSON (snake_case keys).</summary>
    public required string DataJson { get; set; }
}

public static class RunEventKinds
{
    public const string Status = "status";
    public const string Metrics = "metrics";
    public const string Snapshot = "snapshot";
    public const string Log = "log";
}
