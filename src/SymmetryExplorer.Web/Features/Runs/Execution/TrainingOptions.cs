namespace SymmetryExplorer.Web.Features.Runs.Execution;

/// <summary>How the in-process training service runs jobs. Bound from the <c>Training</c> section.</summary>
public sealed class TrainingOptions
{
    public const string SectionName = "Training";

    /// <summary>Runs that train at the same time; the rest wait in the queue in the order they were started.</summary>
    public int MaxConcurrentRuns { get; set; } = 1;
}
