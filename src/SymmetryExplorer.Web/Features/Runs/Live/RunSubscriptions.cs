using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using SymmetryExplorer.Web.Features.Runs.Events;

namespace SymmetryExplorer.Web.Features.Runs.Live;

/// <summary>
/// One forwarder per (connection, run): it listens to the bus first, then replays the store's
/// history, then passes on the live events it buffered meanwhile, skipping any it already sent.
/// So a late subscriber sees every event exactly once, in order, however the two race.
/// </summary>
public sealed class RunSubscriptions(
    RunEventBus bus,
    RunEventStore store,
    RunService runs,
    IHubContext<RunsHub> hub,
    ILogger<RunSubscriptions> logger)
{
    private const int HistoryPage = 500;
    private readonly RunEventBus _bus = bus;
    private readonly RunEventStore _store = store;
    private readonly IHubContext<RunsHub> _hub = hub;
    private readonly ILogger<RunSubscriptions> _logger = logger;
    private readonly ConcurrentDictionary<(string Connection, string Run), Forwarder> _forwarders = new();

    public int Count => _forwarders.Count;

    /// <summary>Starts forwarding a run's events to a connection; false if the run does not exist.</summary>
    public async Task<bool> StartAsync(string connectionId, string runId)
    {
        if (await runs.GetAsync(runId) is null) return false;
        var forwarder = new Forwarder(this, connectionId, runId);
        if (!_forwarders.TryAdd((connectionId, runId), forwarder))
        {
            forwarder.Dispose();
            return true; // already subscribed: the existing forwarder carries on
        }
        forwarder.Start();
        return true;
    }

    public void Stop(string connectionId, string runId)
    {
        if (_forwarders.TryRemove((connectionId, runId), out var f)) f.Dispose();
    }

    public void StopAll(string connectionId)
    {
        foreach (var key in _forwarders.Keys.Where(k => k.Connection == connectionId).ToList()) Stop(key.Connection, key.Run);
    }

    private sealed class Forwarder : IDisposable
    {
        private readonly RunSubscriptions _owner;
        private readonly string _connectionId;
        private readonly string _runId;
        private readonly Channel<RunEvent> _live = Channel.CreateUnbounded<RunEvent>(new UnboundedChannelOptions { SingleReader = true });
        private readonly CancellationTokenSource _stop = new();
        private readonly IDisposable _subscription;

        public Forwarder(RunSubscriptions owner, string connectionId, string runId)
        {
            _owner = owner;
            _connectionId = connectionId;
            _runId = runId;
            // Listen before reading history, so nothing emitted in between is lost.
            _subscription = owner._bus.Subscribe(runId, e => _live.Writer.TryWrite(e));
        }

        public void Start() => _ = Task.Run(RunAsync);

        private async Task RunAsync()
        {
            var client = _owner._hub.Clients.Client(_connectionId);
            long sent = 0;
            try
            {
                while (true)
                {
                    var page = await _owner._store.ReadAsync(_runId, sent, HistoryPage, _stop.Token);
                    foreach (var e in page)
                    {
                        await client.SendAsync(RunsHub.EventMethod, e, _stop.Token);
                        sent = e.Seq;
                    }
                    if (page.Count < HistoryPage) break;
                }
                await foreach (var e in _live.Reader.ReadAllAsync(_stop.Token))
                {
                    // Events are published only after they are stored, and we subscribed before reading
                    // history: every event is in the history, the live buffer, or both. Skip the overlap.
                    if (e.Seq <= sent) continue;
                    await client.SendAsync(RunsHub.EventMethod, e, _stop.Token);
                    sent = e.Seq;
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                _owner._logger.LogWarning(ex, "Forwarding run {RunId} to connection {ConnectionId} stopped", _runId, _connectionId);
                _owner._forwarders.TryRemove((_connectionId, _runId), out _);
                Dispose();
            }
        }

        public void Dispose()
        {
            _subscription.Dispose();
            _live.Writer.TryComplete();
            if (!_stop.IsCancellationRequested) _stop.Cancel();
        }
    }
}
