using SymmetryExplorer.Compute.Jobs;
using SymmetryExplorer.Web.Storage;

namespace SymmetryExplorer.Web.Features.Runs.Events;

/// <summary>
/// Turns what a job reports into stored run events. Runs on the job's thread: it only serialises
/// and enqueues, so training never waits for the database. Progress is thinned to one event a
/// second (plus every epoch boundary) so a fast job cannot flood the store.
/// </summary>
/// <remarks>
/// Jobs may overwrite one checkpoint file in place. The store must point at a file that matches
/// the curves it holds, so each reported checkpoint is copied to its own file
/// (<c>checkpoints/epoch-NNNNN.ckpt</c>) before it is recorded; the two newest are kept, so the one
/// the store names survives even if the newer copy's event is lost in a crash.
/// </remarks>
public sealed class RunEventSink(string runId, RunEventWriter writer, string checkpointsFolder) : IJobSink
{
    private const int CheckpointsKept = 2;

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);
    private DateTime _lastProgress = DateTime.MinValue;
    private int _lastProgressEpoch = -1;

    public void Progress(JobProgress p)
    {
        var now = DateTime.UtcNow;
        bool epochChanged = p.Epoch != _lastProgressEpoch;
        if (!epochChanged && now - _lastProgress < ProgressInterval) return;
        _lastProgress = now;
        _lastProgressEpoch = p.Epoch;
        var data = new
        {
            status = RunStatus.Running,
            epoch = p.Epoch,
            total_epochs = p.TotalEpochs,
            step = p.Step,
            step_in_epoch = p.StepInEpoch,
            steps_per_epoch = p.StepsPerEpoch,
            fraction = p.Fraction,
            elapsed_seconds = p.Elapsed.TotalSeconds,
            eta_seconds = p.Remaining?.TotalSeconds,
        };
        Enqueue(RunEventKinds.Status, RunStatus.Running, p.Epoch, p.Step, data, run =>
        {
            run.Progress = p.Fraction;
            run.Epoch = p.Epoch;
            run.TotalEpochs = p.TotalEpochs;
            run.TrainingSeconds = p.Elapsed.TotalSeconds;
        });
    }

    public void Metrics(JobMetrics m) =>
        Enqueue(RunEventKinds.Metrics, m.Scope, m.Epoch, m.Step, m.Values);

    public void Snapshot(JobSnapshot s) =>
        Enqueue(RunEventKinds.Snapshot, s.Name, s.Epoch, s.Step, s.Data);

    public void CheckpointSaved(JobCheckpointSaved c)
    {
        string kept;
        try
        {
            Directory.CreateDirectory(checkpointsFolder);
            kept = Path.Combine(checkpointsFolder, $"epoch-{c.Epoch:D5}.ckpt");
            File.Copy(c.Path, kept, overwrite: true);
            foreach (string old in Directory.GetFiles(checkpointsFolder, "epoch-*.ckpt").Order().SkipLast(CheckpointsKept))
                File.Delete(old);
        }
        catch (IOException ex)
        {
            Log(JobLogLevel.Warning, $"Checkpoint after epoch {c.Epoch} could not be kept ({ex.Message}); resuming will use an earlier one.");
            return;
        }
        Enqueue(RunEventKinds.Log, "info", c.Epoch, c.Step,
            new { message = $"Checkpoint saved after epoch {c.Epoch}.", checkpoint_epoch = c.Epoch },
            run =>
            {
                run.LastCheckpointPath = kept;
                run.LastCheckpointEpoch = c.Epoch;
            });
    }

    public void Log(JobLogLevel level, string message) =>
        Enqueue(RunEventKinds.Log, level.ToString().ToLowerInvariant(), _lastProgressEpoch < 0 ? 0 : _lastProgressEpoch, 0, new { message });

    private void Enqueue(string kind, string? name, int epoch, long step, object data, Action<RunRecord>? apply = null)
    {
        try
        {
            writer.Enqueue(new PendingRunEvent(runId, kind, name, epoch, step, RunJson.Serialize(data), apply));
        }
        catch (Exception)
        {
            // A sink never throws into the job: an unserialisable payload is a bug to fix, not a reason to lose the run.
        }
    }
}
