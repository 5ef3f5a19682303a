using System.Collections.Concurrent;
using SymmetryExplorer.Web.Features.Runs.Events;

namespace SymmetryExplorer.Web.Features.Runs.Live;

/// <summary>
/// Feeds a Blazor view with a run's live events, throttled at the leading edge: an event that
/// arrives after a quiet spell is handed over at once, and events arriving faster than the
/// interval are buffered and handed over in one batch per interval, so a fast job costs the
/// circuit at most a handful of renders per second however many events it emits, and a slow one
/// adds no waiting. Subscribe before loading history and drop batch events with <c>seq</c> at or
/// below the history's cut.
/// </summary>
public sealed class RunLiveFeed : IAsyncDisposable
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrentQueue<RunEvent> _pending = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly IDisposable _subscription;
    private readonly TimeSpan _interval;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    /// <param name="bus">Where stored events are announced.</param>
    /// <param name="runId">The run to follow; null follows every run (for lists).</param>
    public RunLiveFeed(RunEventBus bus, string? runId, TimeSpan? interval = null)
    {
        _subscription = runId is null ? bus.SubscribeAll(Enqueue) : bus.Subscribe(runId, Enqueue);
        _interval = interval ?? DefaultInterval;
    }

    private void Enqueue(RunEvent e)
    {
        _pending.Enqueue(e);
        if (_arrived.CurrentCount == 0) _arrived.Release();
    }

    /// <summary>
    /// Starts delivering batches to <paramref name="onBatch"/> (call it through the component's
    /// InvokeAsync). For a one-run feed, events with <c>seq</c> ≤ <paramref name="afterSeq"/> are
    /// skipped: the view already has them from the store. Null passes everything on (run lists).
    /// </summary>
    public void Start(long? afterSeq, Func<IReadOnlyList<RunEvent>, Task> onBatch)
    {
        long last = afterSeq ?? long.MinValue;
        _loop = Task.Run(async () =>
        {
            try
            {
                var lastDelivery = DateTime.MinValue;
                while (true)
                {
                    await _arrived.WaitAsync(_stop.Token);
                    var wait = lastDelivery + _interval - DateTime.UtcNow;
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, _stop.Token);
                    lastDelivery = DateTime.UtcNow;
                    if (_pending.IsEmpty) continue;
                    var batch = new List<RunEvent>();
                    while (_pending.TryDequeue(out var e))
                    {
                        if (afterSeq is not null && e.Seq <= last) continue;
                        batch.Add(e);
                    }
                    if (batch.Count == 0) continue;
                    if (afterSeq is not null) last = batch[^1].Seq;
                    await onBatch(batch);
                }
            }
            catch (OperationCanceledException) { }
            catch (Exception)
            {
                // The circuit went away mid-render (disconnected, disposed): nothing left to update.
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        _stop.Cancel();
        if (_loop is not null)
        {
            try { await _loop; } catch { /* already reported by the view */ }
        }
        _stop.Dispose();
        _arrived.Dispose();
    }
}
