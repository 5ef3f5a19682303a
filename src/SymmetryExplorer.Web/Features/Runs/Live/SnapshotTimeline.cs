using System.Text.Json;
using SymmetryExplorer.Web.Features.Runs.Events;

namespace SymmetryExplorer.Web.Features.Runs.Live;

/// <summary>
/// Where a run's snapshots are (by name and epoch) and their payloads on demand: every epoch's
/// snapshot is kept in the store, the view holds only the index and a few recently shown payloads.
/// </summary>
public sealed class SnapshotTimeline(string runId, RunEventStore store)
{
    private const int CacheSize = 64;
    private readonly Dictionary<string, List<SnapshotRef>> _byName = [];
    private readonly Dictionary<long, JsonElement> _cache = [];
    private readonly Queue<long> _cacheOrder = new();

    /// <summary>Raised (on the view's thread) when snapshots of a name arrive.</summary>
    public event Func<string, Task>? Added;

    public string RunId => runId;

    public IReadOnlyList<SnapshotRef> Of(string name) => _byName.TryGetValue(name, out var list) ? list : [];

    public bool Has(string name) => _byName.ContainsKey(name);

    public void Load(IEnumerable<SnapshotRef> refs)
    {
        foreach (var r in refs) Index(r);
    }

    /// <summary>Records a live snapshot (its payload is already at hand, so it is cached) and tells listeners.</summary>
    public async Task AddAsync(RunEvent e)
    {
        var r = new SnapshotRef(e.Seq, e.Epoch, e.Step, e.Name ?? "");
        Index(r);
        Remember(e.Seq, e.Data);
        if (Added is { } handler) await handler(r.Name);
    }

    /// <summary>The payload of a snapshot, from the cache or the store.</summary>
    public async Task<JsonElement?> LoadAsync(SnapshotRef r, CancellationToken ct = default)
    {
        if (_cache.TryGetValue(r.Seq, out var cached)) return cached;
        var e = await store.ReadOneAsync(runId, r.Seq, ct);
        if (e is null) return null;
        Remember(r.Seq, e.Data);
        return e.Data;
    }

    /// <summary>The latest snapshot of a name at or before an epoch (or the very latest when epoch is null).</summary>
    public SnapshotRef? At(string name, int? epoch)
    {
        var list = Of(name);
        if (list.Count == 0) return null;
        if (epoch is null) return list[^1];
        SnapshotRef? best = null;
        foreach (var r in list)
        {
            if (r.Epoch <= epoch) best = r;
            else break;
        }
        return best ?? list[0];
    }

    private void Index(SnapshotRef r)
    {
        if (!_byName.TryGetValue(r.Name, out var list)) _byName[r.Name] = list = [];
        list.Add(r);
    }

    private void Remember(long seq, JsonElement data)
    {
        if (_cache.ContainsKey(seq)) return;
        _cache[seq] = data;
        _cacheOrder.Enqueue(seq);
        while (_cacheOrder.Count > CacheSize) _cache.Remove(_cacheOrder.Dequeue());
    }
}
