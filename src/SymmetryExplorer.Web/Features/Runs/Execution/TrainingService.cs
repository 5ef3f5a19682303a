using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace SymmetryExplorer.Web.Features.Runs.Execution;

/// <summary>
/// The in-process training service: a queue of run ids and <see cref="TrainingOptions.MaxConcurrentRuns"/>
/// workers, each handing one run at a time to <see cref="RunExecutor"/>. Cancellation reaches a
/// running job through its token; a queued run is skipped when its turn comes.
/// </summary>
public sealed class TrainingService(
    RunExecutor executor,
    RunRecovery recovery,
    IOptions<TrainingOptions> options,
    ILogger<TrainingService> logger) : BackgroundService
{
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>();
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _running = new();

    public void Enqueue(string runId) => _queue.Writer.TryWrite(runId);

    /// <summary>Asks a running job to stop; returns false when the run is not running here.</summary>
    public bool TryCancelRunning(string runId)
    {
        if (!_running.TryGetValue(runId, out var cts)) return false;
        cts.Cancel();
        return true;
    }

    public bool IsRunning(string runId) => _running.ContainsKey(runId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (string runId in await recovery.RecoverAsync(stoppingToken)) Enqueue(runId);

        int workers = Math.Max(1, options.Value.MaxConcurrentRuns);
        logger.LogInformation("Training service started with {Workers} concurrent run(s)", workers);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => WorkAsync(stoppingToken)));
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (string runId in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                using var cts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                _running[runId] = cts;
                try
                {
                    await executor.ExecuteAsync(runId, cts.Token, stoppingToken);
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Run {RunId} could not be executed", runId);
                }
                finally
                {
                    _running.TryRemove(runId, out _);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: runs still training are marked interrupted at the next start.
        }
    }
}
