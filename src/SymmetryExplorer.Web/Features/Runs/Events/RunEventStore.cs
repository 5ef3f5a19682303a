using Microsoft.EntityFrameworkCore;
using SymmetryExplorer.Web.Storage;

namespace SymmetryExplorer.Web.Features.Runs.Events;

/// <summary>Reads a run's stored events: history for late subscribers, series for charts, snapshots for views.</summary>
public sealed class RunEventStore(IDbContextFactory<SymxDbContext> dbFactory)
{
    /// <summary>Events with <c>seq</c> greater than <paramref name="afterSeq"/>, in order, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<RunEvent>> ReadAsync(string runId, long afterSeq = 0, int limit = 1000, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.RunEvents.AsNoTracking()
            .Where(e => e.RunId == runId && e.Seq > afterSeq)
            .OrderBy(e => e.Seq).Take(limit).ToListAsync(ct);
        return rows.Select(ToEvent).ToList();
    }

    /// <summary>Every event of one kind (and optionally one name), in order, up to <paramref name="upToSeq"/>.</summary>
    public async Task<IReadOnlyList<RunEvent>> ReadKindAsync(string runId, string kind, string? name = null, long? upToSeq = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        long last = upToSeq ?? long.MaxValue;
        var query = db.RunEvents.AsNoTracking().Where(e => e.RunId == runId && e.Kind == kind && e.Seq <= last);
        if (name is not null) query = query.Where(e => e.Name == name);
        var rows = await query.OrderBy(e => e.Seq).ToListAsync(ct);
        return rows.Select(ToEvent).ToList();
    }

    /// <summary>The most recent event of a kind up to <paramref name="upToSeq"/>, or null.</summary>
    public Task<RunEvent?> LatestOfKindAsync(string runId, string kind, long? upToSeq = null, CancellationToken ct = default) =>
        LatestAsync(runId, kind, name: null, upToSeq, ct);

    /// <summary>The most recent snapshot of a name, or null.</summary>
    public Task<RunEvent?> LatestSnapshotAsync(string runId, string name, CancellationToken ct = default) =>
        LatestAsync(runId, RunEventKinds.Snapshot, name, upToSeq: null, ct);

    private async Task<RunEvent?> LatestAsync(string runId, string kind, string? name, long? upToSeq, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        long last = upToSeq ?? long.MaxValue;
        var query = db.RunEvents.AsNoTracking().Where(e => e.RunId == runId && e.Kind == kind && e.Seq <= last);
        if (name is not null) query = query.Where(e => e.Name == name);
        var row = await query.OrderByDescending(e => e.Seq).FirstOrDefaultAsync(ct);
        return row is null ? null : ToEvent(row);
    }

    /// <summary>Where each snapshot is: (seq, epoch, name) in order, without payloads, up to <paramref name="upToSeq"/>.</summary>
    public async Task<IReadOnlyList<SnapshotRef>> SnapshotIndexAsync(string runId, long? upToSeq = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        long last = upToSeq ?? long.MaxValue;
        return await db.RunEvents.AsNoTracking()
            .Where(e => e.RunId == runId && e.Kind == RunEventKinds.Snapshot && e.Seq <= last)
            .OrderBy(e => e.Seq)
            .Select(e => new SnapshotRef(e.Seq, e.Epoch, e.Step, e.Name ?? ""))
            .ToListAsync(ct);
    }

    /// <summary>One event by its sequence number, or null.</summary>
    public async Task<RunEvent?> ReadOneAsync(string runId, long seq, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.RunEvents.AsNoTracking().FirstOrDefaultAsync(e => e.RunId == runId && e.Seq == seq, ct);
        return row is null ? null : ToEvent(row);
    }

    /// <summary>Names of the snapshots a run has, with how many of each.</summary>
    public async Task<IReadOnlyDictionary<string, int>> SnapshotNamesAsync(string runId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RunEvents.AsNoTracking()
            .Where(e => e.RunId == runId && e.Kind == RunEventKinds.Snapshot && e.Name != null)
            .GroupBy(e => e.Name!).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    internal static RunEvent ToEvent(RunEventRecord r) =>
        new(r.RunId, r.Seq, r.Kind, r.Name, r.Epoch, r.Step, r.Time, RunJson.Parse(r.DataJson));
}

/// <summary>Where a snapshot is stored, without its payload.</summary>
public sealed record SnapshotRef(long Seq, int Epoch, long Step, string Name);
