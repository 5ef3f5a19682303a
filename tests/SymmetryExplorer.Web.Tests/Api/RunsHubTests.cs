using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using SymmetryExplorer.Web.Tests.Infrastructure;

namespace SymmetryExplorer.Web.Tests.Api;

public class RunsHubTests : IDisposable
{
    private readonly SymxWebApp _app = new();
    private readonly HttpClient _http;

    public RunsHubTests() => _http = _app.CreateHttpClient();

    /// <summary>The contract's RunEvent message as a .NET client sees it.</summary>
    public sealed record RunEventMessage(string RunId, long Seq, string Kind, string? Name, int Epoch, long Step, JsonElement Data);

    private HubConnection Connect() =>
        new HubConnectionBuilder().WithUrl(new Uri(_app.BaseAddress, "/hubs/runs")).Build();

    [Fact]
    public async Task A_late_subscriber_gets_the_history_then_live_events_in_seq_order_without_gaps()
    {
        string dataset = (await SymxApi.GenerateSmallTwoBodyAsync(_http)).GetProperty("id").GetString()!;
        string runId = await SymxApi.StartRunAsync(_http, dataset, SymxApi.FastLieGanConfig(epochs: 12));
        // Subscribe late: a few epochs have already been stored.
        await SymxApi.WaitForRunAsync(_http, runId, r => r.GetProperty("epoch").GetInt32() >= 3);

        var received = new ConcurrentQueue<RunEventMessage>();
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hub = Connect();
        hub.On<RunEventMessage>("RunEvent", e =>
        {
            received.Enqueue(e);
            if (e.Kind == "status" && e.Name is "completed" or "failed" or "cancelled") finished.TrySetResult();
        });
        await hub.StartAsync();
        await hub.InvokeAsync("Subscribe", runId);

        await finished.Task.WaitAsync(TimeSpan.FromMinutes(3));
        var events = received.ToList();
        Assert.All(events, e => Assert.Equal(runId, e.RunId));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        Assert.Equal("queued", events[0].Name);
        Assert.Equal(12, events.Count(e => e.Kind == "metrics" && e.Name == "epoch"));
        Assert.Equal(12, events.Count(e => e.Kind == "snapshot" && e.Name == "generators"));
        Assert.Equal("completed", events[^1].Name);
        // The hub replays exactly what the store holds.
        var stored = await _http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/events?limit=5000");
        Assert.Equal(stored.GetArrayLength(), events.Count);
    }

    [Fact]
    public async Task Subscribing_to_an_unknown_run_is_an_error_the_client_sees()
    {
        await using var hub = Connect();
        await hub.StartAsync();

        var ex = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Subscribe", "run-nothere"));
        Assert.Contains("run-nothere", ex.Message);
    }

    public void Dispose()
    {
        _http.Dispose();
        _app.Dispose();
    }
}
