using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SymmetryExplorer.Web.Features.Runs.Events;
using SymmetryExplorer.Web.Features.Runs.Live;
using SymmetryExplorer.Web.Storage;

namespace SymmetryExplorer.Web.Tests.Live;

public class RunLiveFeedTests
{
    private static readonly JsonElement Empty = JsonDocument.Parse("{}").RootElement;

    private static RunEvent Event(long seq) => new("run-1", seq, RunEventKinds.Metrics, "epoch", 0, seq, DateTimeOffset.UtcNow, Empty);

    [Fact]
    public async Task An_event_after_a_quiet_spell_is_delivered_without_waiting_for_the_interval()
    {
        var bus = new RunEventBus(NullLogger<RunEventBus>.Instance);
        await using var feed = new RunLiveFeed(bus, "run-1", TimeSpan.FromSeconds(5));
        var delivered = new TaskCompletionSource<IReadOnlyList<RunEvent>>(TaskCreationOptions.RunContinuationsAsynchronously);
        feed.Start(afterSeq: 0, batch => { delivered.TrySetResult(batch); return Task.CompletedTask; });

        var clock = Stopwatch.StartNew();
        bus.Publish(Event(1));
        var batch = await delivered.Task.WaitAsync(TimeSpan.FromSeconds(4)); // well inside the 5 s interval

        Assert.Equal([1L], batch.Select(e => e.Seq));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task A_burst_is_delivered_in_order_in_few_batches_and_nothing_at_or_below_the_cut()
    {
        var bus = new RunEventBus(NullLogger<RunEventBus>.Instance);
        await using var feed = new RunLiveFeed(bus, "run-1", TimeSpan.FromMilliseconds(300));
        var batches = new ConcurrentQueue<IReadOnlyList<RunEvent>>();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        feed.Start(afterSeq: 10, batch =>
        {
            batches.Enqueue(batch);
            if (batch[^1].Seq == 1000) all.TrySetResult();
            return Task.CompletedTask;
        });

        for (long seq = 5; seq <= 1000; seq++) bus.Publish(Event(seq)); // 5..10 are already on screen from the store
        await all.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var seqs = batches.SelectMany(b => b).Select(e => e.Seq).ToList();
        Assert.Equal(Enumerable.Range(11, 990).Select(i => (long)i), seqs);
        Assert.InRange(batches.Count, 1, 3); // first event at once, the rest after one interval
    }
}
