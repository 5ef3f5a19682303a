using Microsoft.EntityFrameworkCore;
using SymmetryExplorer.Web.Features.Runs.Events;
using SymmetryExplorer.Web.Storage;

namespace SymmetryExplorer.Web.Features.Runs.Execution;

/// <summary>
/// At start-up: runs that were training when the server stopped are marked interrupted (they can
/// be resumed from their last checkpoint), and runs that were still waiting are queued again.
/// </summary>
public sealed class RunRecovery(IDbContextFactory<SymxDbContext> dbFactory, RunEventWriter writer, ILogger<RunRecovery> logger)
{
    /// <summary>Marks interrupted runs and returns the ids to queue again, oldest first.</summary>
    public async Task<IReadOnlyList<string>> RecoverAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var running = await db.Runs.AsNoTracking().Where(r => r.Status == RunStatus.Running).Select(r => new { r.Id, r.LastCheckpointEpoch }).ToListAsync(ct);
        foreach (var run in running)
        {
            string message = run.LastCheckpointEpoch is { } epoch
                ? $"The server stopped while this run was training. Resume it from the checkpoint after epoch {epoch}."
                : "The server stopped while this run was training, before its first checkpoint. Start it again.";
            await writer.WriteAsync(new PendingRunEvent(run.Id, RunEventKinds.Status, RunStatus.Interrupted, 0, 0,
                RunJson.Serialize(new { status = RunStatus.Interrupted, message }),
                r =>
                {
                    r.Status = RunStatus.Interrupted;
                    r.FinishedAt = DateTimeOffset.UtcNow;
                    r.Error = message;
                }));
        }
        if (running.Count > 0) logger.LogWarning("Marked {Count} run(s) interrupted by the last shutdown", running.Count);

        var queued = await db.Runs.AsNoTracking().Where(r => r.Status == RunStatus.Queued)
            .OrderBy(r => r.CreatedAt).Select(r => r.Id).ToListAsync(ct);
        return queued;
    }
}
