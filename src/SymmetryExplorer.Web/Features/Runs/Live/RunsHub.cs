using Microsoft.AspNetCore.SignalR;

namespace SymmetryExplorer.Web.Features.Runs.Live;

/// <summary>
/// SignalR hub at <c>/hubs/runs</c> for programs. A client calls <c>Subscribe(runId)</c> and then
/// receives <c>RunEvent</c> messages: first the run's stored history, then live events, in
/// <c>seq</c> order with no gaps or repeats.
/// </summary>
public sealed class RunsHub(RunSubscriptions subscriptions) : Hub
{
    public const string Path = "/hubs/runs";
    public const string EventMethod = "RunEvent";

    public async Task Subscribe(string runId)
    {
        if (!await subscriptions.StartAsync(Context.ConnectionId, runId))
            throw new HubException($"Run '{runId}' does not exist.");
    }

    public Task Unsubscribe(string runId)
    {
        subscriptions.Stop(Context.ConnectionId, runId);
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscriptions.StopAll(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
