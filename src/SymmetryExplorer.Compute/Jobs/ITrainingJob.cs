namespace SymmetryExplorer.Compute.Jobs;

/// <summary>
/// A training job: a plain object built from a validated configuration, a data set and a seed, run
/// synchronously on a dedicated thread (see <see cref="DedicatedThread"/>) because TorchSharp's
/// DisposeScope is thread-static and must not cross an <c>await</c>.
/// </summary>
public interface ITrainingJob
{
    /// <summary>Run kind, e.g. <c>liegan</c> or <c>relaxed</c>.</summary>
    string Kind { get; }

    /// <summary>
    /// Trains to completion, reporting through <see cref="JobContext.Sink"/>, and returns the result
    /// document (serialised as result.json by callers). Throws <see cref="OperationCanceledException"/>
    /// when cancelled and <see cref="InvalidInputException"/> for bad input found only at run time.
    /// </summary>
    JobResult Run(JobContext context);
}

/// <summary>
/// The outcome of a job. <see cref="Document"/> is the result.json object of the contract
/// (snake_case when serialised); <see cref="Summary"/> is one line for people and run lists.
/// </summary>
public sealed record JobResult(object Document, string Summary, IReadOnlyDictionary<string, double> KeyMetrics);
