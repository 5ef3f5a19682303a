using Microsoft.EntityFrameworkCore;
using SymmetryExplorer.Compute;
using SymmetryExplorer.Compute.Jobs;
using SymmetryExplorer.Compute.Runtime;
using SymmetryExplorer.Web.Features.Runs.Events;
using SymmetryExplorer.Web.Features.Runs.Kinds;
using SymmetryExplorer.Web.Storage;

namespace SymmetryExplorer.Web.Features.Runs.Execution;

/// <summary>
/// Runs one stored run to its end on a dedicated thread and records how it ended. Every failure
/// is caught here and becomes the run's status: a failing job never takes the server down.
/// </summary>
public sealed class RunExecutor(
    IDbContextFactory<SymxDbContext> dbFactory,
    DataDirectory dataDirectory,
    RunKindRegistry kinds,
    RunEventWriter writer,
    ILogger<RunExecutor> logger)
{
    /// <param name="cancellation">Cancels the job: the user's cancel or the server stopping.</param>
    /// <param name="shutdown">Set when the server is stopping: the run is then interrupted, not cancelled.</param>
    public async Task ExecuteAsync(string runId, CancellationToken cancellation, CancellationToken shutdown = default)
    {
        RunRecord? run;
        DatasetRecord? dataset;
        await using (var db = await dbFactory.CreateDbContextAsync(CancellationToken.None))
        {
            run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, CancellationToken.None);
            if (run is null || run.Status != RunStatus.Queued) return; // deleted or cancelled while queued
            dataset = await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == run.DatasetId, CancellationToken.None);
        }

        if (dataset is null)
        {
            await FinishAsync(runId, RunStatus.Failed, $"Data set {run.DatasetId} no longer exists; start a new run on another data set.");
            return;
        }

        string? resumeFrom = run.ResumeRequested && run.LastCheckpointPath is { } cp && File.Exists(cp) ? cp : null;
        bool started = false;
        await writer.WriteAsync(new PendingRunEvent(runId, RunEventKinds.Status, RunStatus.Running, run.Epoch, 0,
            RunJson.Serialize(new { status = RunStatus.Running, message = resumeFrom is null ? "Training started." : $"Resuming from the checkpoint after epoch {run.LastCheckpointEpoch}." }),
            r =>
            {
                if (r.Status != RunStatus.Queued) return; // cancelled in the instant between dequeue and start
                started = true;
                r.Status = RunStatus.Running;
                r.StartedAt ??= DateTimeOffset.UtcNow;
                r.FinishedAt = null;
                r.Error = null;
                r.ResumeRequested = false;
            }));
        if (!started) return;

        try
        {
            string datasetPath = Path.Combine(dataDirectory.DatasetFolder(dataset.Id), dataset.FileName);
            string workDirectory = dataDirectory.RunFolder(runId);
            Directory.CreateDirectory(workDirectory);
            var kind = kinds.Get(run.Kind);
            var sink = new RunEventSink(runId, writer, Path.Combine(workDirectory, "checkpoints"));
            var context = new JobContext(TorchRuntime.ResolveDevice(run.Device, TorchRuntime.Info.CudaAvailable),
                workDirectory, sink, cancellation, resumeFrom);

            var result = await DedicatedThread.Run($"run {runId}", () =>
            {
                var job = kind.CreateJob(run, dataset, datasetPath);
                return job.Run(context);
            });

            string resultJson = RunJson.Serialize(result.Document);
            await File.WriteAllTextAsync(Path.Combine(workDirectory, "result.json"), resultJson, CancellationToken.None);
            await FinishAsync(runId, RunStatus.Completed, result.Summary, r =>
            {
                r.Summary = result.Summary;
                r.KeyMetricsJson = RunJson.Serialize(result.KeyMetrics);
                r.ResultJson = resultJson;
                r.Progress = 1;
            });
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            string message = "The server stopped while this run was training. Resume it from its last checkpoint.";
            await FinishAsync(runId, RunStatus.Interrupted, message, r => r.Error = message);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await FinishAsync(runId, RunStatus.Cancelled, "Cancelled by the user.");
        }
        catch (InvalidInputException ex)
        {
            await FinishAsync(runId, RunStatus.Failed, ex.Message, r => r.Error = ex.Message);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Run {RunId} failed", runId);
            string message = $"The run failed: {ex.GetBaseException().Message}";
            await FinishAsync(runId, RunStatus.Failed, message, r => r.Error = message);
        }
    }

    private Task FinishAsync(string runId, string status, string message, Action<RunRecord>? apply = null) =>
        writer.WriteAsync(new PendingRunEvent(runId, RunEventKinds.Status, status, 0, 0,
            RunJson.Serialize(new { status, message }),
            r =>
            {
                r.Status = status;
                r.FinishedAt = DateTimeOffset.UtcNow;
                apply?.Invoke(r);
            }));
}
