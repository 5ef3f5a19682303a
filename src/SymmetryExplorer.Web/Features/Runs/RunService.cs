using System.Reflection;
using Microsoft.EntityFrameworkCore;
using SymmetryExplorer.Compute;
using SymmetryExplorer.Compute.Runtime;
using SymmetryExplorer.Web.Features.Runs.Events;
using SymmetryExplorer.Web.Features.Runs.Execution;
using SymmetryExplorer.Web.Features.Runs.Kinds;
using SymmetryExplorer.Web.Storage;

namespace SymmetryExplorer.Web.Features.Runs;

/// <summary>Starts, cancels, resumes, lists and deletes runs. The UI and the HTTP API both go through here.</summary>
public sealed class RunService(
    IDbContextFactory<SymxDbContext> dbFactory,
    DataDirectory dataDirectory,
    RunKindRegistry kinds,
    RunEventWriter writer,
    TrainingService training,
    ILogger<RunService> logger)
{
    public async Task<RunRecord> StartAsync(RunRequest request, CancellationToken ct = default)
    {
        var kind = kinds.Get(request.Kind);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dataset = await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == request.Dataset, ct)
                      ?? throw new InvalidInputException($"Data set '{request.Dataset}' does not exist. Pick one from GET /api/datasets.", "dataset");
        if (dataset.Kind != kind.DatasetKind)
            throw new InvalidInputException(
                $"{kind.DisplayName} trains on {kind.DatasetKind} data sets, but '{dataset.Name}' is a {dataset.Kind} data set.", "dataset");

        string datasetPath = Path.Combine(dataDirectory.DatasetFolder(dataset.Id), dataset.FileName);
        var prepared = kind.Prepare(request.Preset, request.Config, dataset, datasetPath);
        string device = TorchRuntime.ResolveDeviceName(request.Device ?? TorchRuntime.Info.Device, TorchRuntime.Info.CudaAvailable);
        int seed = request.Seed ?? Random.Shared.Next(0, 1_000_000);
        if (seed < 0) throw new InvalidInputException("The seed must be zero or a positive whole number.", "seed");

        var run = new RunRecord
        {
            Id = Ids.NewRunId(),
            Kind = kind.Kind,
            DatasetId = dataset.Id,
            DatasetName = dataset.Name,
            Preset = prepared.Preset,
            ConfigJson = prepared.ConfigJson,
            Seed = seed,
            Device = device,
            TotalEpochs = prepared.TotalEpochs,
            ProvenanceJson = RunJson.Serialize(Provenance(dataset, device, seed, prepared)),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Runs.Add(run);
        await db.SaveChangesAsync(ct);

        await writer.WriteAsync(new PendingRunEvent(run.Id, RunEventKinds.Status, RunStatus.Queued, 0, 0,
            RunJson.Serialize(new { status = RunStatus.Queued, message = $"Queued {kind.DisplayName} on {dataset.Name} (seed {seed})." })));
        training.Enqueue(run.Id);
        logger.LogInformation("Run {RunId} ({Kind}) queued on data set {DatasetId}", run.Id, run.Kind, dataset.Id);
        return run;
    }

    public async Task<RunRecord?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
    }

    public async Task<IReadOnlyList<RunRecord>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = await db.Runs.AsNoTracking().ToListAsync(ct);
        return runs.OrderByDescending(r => r.CreatedAt).ToList();
    }

    /// <summary>Stops a running run within one batch, or withdraws a queued one.</summary>
    public async Task<RunRecord> CancelAsync(string id, CancellationToken ct = default)
    {
        var run = await GetAsync(id, ct) ?? throw new RunNotFoundException(id);
        if (!RunStatus.IsActive(run.Status))
            throw new InvalidInputException($"Run {id} is {run.Status}; only queued or running runs can be cancelled.", "status");

        if (!training.TryCancelRunning(id))
        {
            // Still queued: mark it now; the worker skips runs that are no longer queued.
            await writer.WriteAsync(new PendingRunEvent(id, RunEventKinds.Status, RunStatus.Cancelled, 0, 0,
                RunJson.Serialize(new { status = RunStatus.Cancelled, message = "Cancelled before it started." }),
                r =>
                {
                    if (r.Status != RunStatus.Queued) return;
                    r.Status = RunStatus.Cancelled;
                    r.FinishedAt = DateTimeOffset.UtcNow;
                }));
        }
        return (await GetAsync(id, ct))!;
    }

    /// <summary>Queues a stopped run again, continuing from its last checkpoint.</summary>
    public async Task<RunRecord> ResumeAsync(string id, CancellationToken ct = default)
    {
        var run = await GetAsync(id, ct) ?? throw new RunNotFoundException(id);
        if (run.Status is not (RunStatus.Interrupted or RunStatus.Cancelled or RunStatus.Failed))
            throw new InvalidInputException($"Run {id} is {run.Status}; only interrupted, cancelled or failed runs can be resumed.", "status");
        if (run.LastCheckpointPath is null || !File.Exists(run.LastCheckpointPath))
            throw new InvalidInputException($"Run {id} has no checkpoint to resume from; start a new run with the same settings instead.", "checkpoint");

        await writer.WriteAsync(new PendingRunEvent(id, RunEventKinds.Status, RunStatus.Queued, run.LastCheckpointEpoch ?? 0, 0,
            RunJson.Serialize(new { status = RunStatus.Queued, message = $"Queued to resume after epoch {run.LastCheckpointEpoch}." }),
            r =>
            {
                r.Status = RunStatus.Queued;
                r.ResumeRequested = true;
                r.Error = null;
                r.FinishedAt = null;
            }));
        training.Enqueue(id);
        return (await GetAsync(id, ct))!;
    }

    /// <summary>Deletes a finished run with its events and files. Active runs must be cancelled first.</summary>
    public async Task DeleteAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.Runs.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new RunNotFoundException(id);
        if (RunStatus.IsActive(run.Status) || training.IsRunning(id))
            throw new InvalidInputException($"Run {id} is {run.Status}: cancel it before deleting it.", "status");

        await db.RunEvents.Where(e => e.RunId == id).ExecuteDeleteAsync(ct);
        db.Runs.Remove(run);
        await db.SaveChangesAsync(ct);
        string folder = dataDirectory.RunFolder(id);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        logger.LogInformation("Run {RunId} deleted", id);
    }

    private static object Provenance(DatasetRecord dataset, string device, int seed, PreparedRun prepared)
    {
        var info = TorchRuntime.Info;
        return new
        {
            app_version = typeof(RunService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0],
            torch_version = info.TorchVersion,
            torchsharp_version = info.TorchSharpVersion,
            dotnet_version = Environment.Version.ToString(),
            os = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            machine = Environment.MachineName,
            device,
            threads = info.Threads,
            seed,
            preset = prepared.Preset,
            dataset = new
            {
                id = dataset.Id,
                name = dataset.Name,
                source = dataset.Source,
                builtin = dataset.BuiltinName,
                file = dataset.OriginalFileName ?? dataset.FileName,
                sha256 = dataset.Sha256,
                size_bytes = dataset.SizeBytes,
            },
            created_at = DateTimeOffset.UtcNow,
        };
    }
}

/// <summary>No run has the id asked for.</summary>
public sealed class RunNotFoundException(string id) : Exception($"Run '{id}' does not exist.")
{
    public string RunId { get; } = id;
}
