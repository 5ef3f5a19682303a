using System.Collections.Concurrent;

namespace SymmetryExplorer.Web.Features.Runs.Events;

/// <summary>
/// In-process notifier: after an event is stored, the writer publishes it here and every
/// subscriber (Blazor components, SignalR forwarders) hears of it. Handlers run on the writer's
/// thread and must only hand the event on (buffer it, post it to a channel), never block.
/// </summary>
public sealed class RunEventBus(ILogger<RunEventBus> logger)
{
    private readonly ConcurrentDictionary<Guid, Subscription> _subscriptions = new();

    /// <summary>Hears events of one run.</summary>
    public IDisposable Subscribe(string runId, Action<RunEvent> handler) => Add(runId, handler);

    /// <summary>Hears events of every run (run lists, dashboards).</summary>
    public IDisposable SubscribeAll(Action<RunEvent> handler) => Add(null, handler);

    public int SubscriberCount => _subscriptions.Count;

    public void Publish(RunEvent runEvent)
    {
        foreach (var s in _subscriptions.Values)
        {
            if (s.RunId is not null && s.RunId != runEvent.RunId) continue;
            try { s.Handler(runEvent); }
            catch (Exception ex)
            {
                // One broken viewer must not starve the others or the writer.
                logger.LogWarning(ex, "A run event subscriber threw; it keeps its subscription");
            }
        }
    }

    private Subscription Add(string? runId, Action<RunEvent> handler)
    {
        var subscription = new Subscription(this, runId, handler);
        _subscriptions[subscription.Key] = subscription;
        return subscription;
    }

    private sealed class Subscription(RunEventBus bus, string? runId, Action<RunEvent> handler) : IDisposable
    {
        public Guid Key { get; } = Guid.NewGuid();
        public string? RunId { get; } = runId;
        public Action<RunEvent> Handler { get; } = handler;
        public void Dispose() => bus._subscriptions.TryRemove(Key, out _);
    }
}
