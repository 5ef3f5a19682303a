namespace SymmetryExplorer.Compute.Jobs;

/// <summary>Runs synchronous tensor work on a thread of its own and exposes it as a task.</summary>
public static class DedicatedThread
{
    /// <summary>
    /// Starts <paramref name="work"/> on a new background thread. Exceptions (cancellation included)
    /// complete the task rather than escaping the thread, so a failing job never takes the process down.
    /// </summary>
    public static Task<T> Run<T>(string name, Func<T> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try { completion.SetResult(work()); }
            catch (OperationCanceledException oce) { completion.SetCanceled(oce.CancellationToken); }
            catch (Exception ex) { completion.SetException(ex); }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return completion.Task;
    }
}
