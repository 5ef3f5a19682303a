using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using SymmetryExplorer.Web.Storage;

namespace SymmetryExplorer.Web.Features.Runs.Events;

/// <summary>
/// The single writer of run events. Jobs and services enqueue; one loop assigns each run's next
/// <c>seq</c>, stores a batch in one SQLite transaction together with the run-row changes it
/// implies, and only then publishes the batch to <see cref="RunEventBus"/>. Store first, then
/// viewers: whoever reads the store later sees exactly what live viewers saw, in the same order.
/// </summary>
public sealed class RunEventWriter(
    IDbContextFactory<SymxDbContext> dbFactory,
    RunEventBus bus,
    ILogger<RunEventWriter> logger) : BackgroundService
{
    private const int MaxBatch = 512;
    private readonly Channel<PendingRunEvent> _queue = Channel.CreateUnbounded<PendingRunEvent>(
        new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues an event without waiting (job threads use this).</summary>
    public PendingRunEvent Enqueue(PendingRunEvent pending)
    {
        if (!_queue.Writer.TryWrite(pending))
            pending.Stored.TrySetException(new InvalidOperationException("The event writer has shut down."));
        return pending;
    }

    /// <summary>Queues an event and waits until it is stored and published.</summary>
    public Task<RunEvent?> WriteAsync(PendingRunEvent pending) => Enqueue(pending).Stored.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Keep draining after the stop signal: the channel is completed in StopAsync, so this loop
        // ends only once every queued event is stored.
        var batch = new List<PendingRunEvent>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            await WriteBatchAsync(batch);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteBatchAsync(List<PendingRunEvent> batch)
    {
        var stored = new List<(PendingRunEvent Pending, RunEvent? Event)>(batch.Count);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var ids = batch.Select(b => b.RunId).Distinct().ToList();
            var runs = await db.Runs.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id);
            foreach (var pending in batch)
            {
                if (!runs.TryGetValue(pending.RunId, out var run))
                {
                    stored.Add((pending, null)); // the run was deleted meanwhile: nothing to keep
                    continue;
                }
                run.LastSeq++;
                pending.ApplyToRun?.Invoke(run);
                db.RunEvents.Add(new RunEventRecord
                {
                    RunId = run.Id,
                    Seq = run.LastSeq,
                    Kind = pending.Kind,
                    Name = pending.Name,
                    Epoch = pending.Epoch,
                    Step = pending.Step,
                    Time = pending.Time,
                    DataJson = pending.DataJson,
                });
                stored.Add((pending, new RunEvent(run.Id, run.LastSeq, pending.Kind, pending.Name, pending.Epoch,
                    pending.Step, pending.Time, RunJson.Parse(pending.DataJson))));
            }
            await db.SaveChangesAsync();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Storing {Count} run events failed; they are dropped and their runs keep their last stored state", batch.Count);
            foreach (var pending in batch) pending.Stored.TrySetException(ex);
            return;
        }

        foreach (var (pending, runEvent) in stored)
        {
            if (runEvent is not null) bus.Publish(runEvent);
            pending.Stored.TrySetResult(runEvent);
        }
    }
}
