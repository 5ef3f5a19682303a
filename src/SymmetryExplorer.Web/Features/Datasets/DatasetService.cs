using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SymmetryExplorer.Compute;
using SymmetryExplorer.Web.Features.Runs.Events;
using SymmetryExplorer.Web.Storage;

namespace SymmetryExplorer.Web.Features.Datasets;

/// <summary>
/// Stores, validates, generates and deletes data sets. A new data set is written into a fresh
/// folder and recorded only once it reads back correctly, so a bad upload never touches anything
/// already stored.
/// </summary>
public sealed class DatasetService(
    IDbContextFactory<SymxDbContext> dbFactory,
    DataDirectory dataDirectory,
    IEnumerable<IDatasetKindHandler> handlers,
    IOptions<StorageOptions> storage,
    ILogger<DatasetService> logger)
{
    private readonly IReadOnlyList<IDatasetKindHandler> _handlers = handlers.ToList();

    public long MaxUploadBytes => storage.Value.MaxUploadMegabytes * 1024 * 1024;

    public IReadOnlyList<IDatasetKindHandler> Handlers => _handlers;

    public IDatasetKindHandler Handler(string kind) =>
        _handlers.FirstOrDefault(h => h.Kind == kind)
        ?? throw new InvalidInputException($"Unknown data set kind '{kind}'. Use one of: {string.Join(", ", _handlers.Select(h => h.Kind))}.", "kind");

    public async Task<IReadOnlyList<DatasetRecord>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var all = await db.Datasets.AsNoTracking().ToListAsync(ct);
        return all.OrderByDescending(d => d.CreatedAt).ToList();
    }

    public async Task<DatasetRecord> GetAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new DatasetNotFoundException(id);
    }

    public string PathOf(DatasetRecord dataset) => Path.Combine(dataDirectory.DatasetFolder(dataset.Id), dataset.FileName);

    /// <summary>
    /// Streams an upload to disk (never whole in memory), checks its size, hashes it, reads it back
    /// with the data set kind's reader and records it.
    /// </summary>
    /// <param name="kind">trajectory, flow, or null to take the first kind whose reader accepts the file.</param>
    /// <param name="layout">A layout to use instead of the guessed one.</param>
    /// <param name="progress">Bytes received so far, reported as the copy goes.</param>
    public async Task<DatasetRecord> UploadAsync(Stream content, string fileName, string? name, string? kind, JsonElement? layout,
        IProgress<long>? progress = null, CancellationToken ct = default)
    {
        string format = UploadPolicy.FormatOf(fileName);
        var candidates = kind is null ? _handlers.Where(h => h.Formats.Contains(format)).ToList() : [Handler(kind)];
        if (candidates.Count == 0 || !candidates.All(h => h.Formats.Contains(format)))
            throw new InvalidInputException($"{(kind ?? "These")} data sets cannot be read from .{format} files.", "file");

        string id = Ids.NewDatasetId();
        // Staged under the user's own file name, so the readers' messages name the file they know.
        string staging = Path.Combine(dataDirectory.UploadsRoot, id);
        Directory.CreateDirectory(staging);
        string partial = Path.Combine(staging, SafeFileName(fileName, format));
        try
        {
            var (size, sha256) = await CopyWithLimitAsync(content, partial, progress, ct);
            if (size == 0) throw new InvalidInputException($"'{fileName}' is empty.", "file");

            var (handler, inspection) = await Task.Run(() => InspectWithFirstReader(candidates, partial, format, layout), ct);
            return await StoreAsync(id, partial, "data." + format, format, handler.Kind, new DatasetRecord
            {
                Id = id,
                Name = string.IsNullOrWhiteSpace(name) ? Path.GetFileNameWithoutExtension(fileName) : name.Trim(),
                Kind = handler.Kind,
                Source = "upload",
                FileName = "data." + format,
                OriginalFileName = Path.GetFileName(fileName),
                Format = format,
                SizeBytes = size,
                Sha256 = sha256,
                ShapeJson = JsonSerializer.Serialize(inspection.Shape),
                LayoutJson = inspection.Layout.GetRawText(),
                DetailsJson = inspection.Details.GetRawText(),
                Description = inspection.Summary,
                CreatedAt = DateTimeOffset.UtcNow,
            }, ct);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    private static string SafeFileName(string fileName, string format)
    {
        string name = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName));
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray()).Trim('.');
        return (safe.Length == 0 ? "upload" : safe[..Math.Min(safe.Length, 100)]) + Path.GetExtension(fileName).ToLowerInvariant();
    }

    /// <summary>Generates a built-in data set on demand and records it.</summary>
    public async Task<DatasetRecord> GenerateAsync(string kind, string builtinName, JsonElement? options, int? seed, CancellationToken ct = default)
    {
        var handler = Handler(kind);
        var info = handler.BuiltIns.FirstOrDefault(b => b.Name == builtinName)
                   ?? throw new InvalidInputException($"There is no built-in {kind} data set '{builtinName}'. Choose one of: {string.Join(", ", handler.BuiltIns.Select(b => b.Name))}.", "name");
        string id = Ids.NewDatasetId();
        string staging = Path.Combine(dataDirectory.UploadsRoot, id);
        Directory.CreateDirectory(staging);
        try
        {
            int usedSeed = seed ?? 0;
            var generated = await Task.Run(() => handler.Generate(info.Name, options, usedSeed, staging), ct);
            string file = Path.Combine(staging, generated.FileName);
            var (size, sha256) = await HashAsync(file, ct);
            return await StoreAsync(id, file, generated.FileName, generated.Format, handler.Kind, new DatasetRecord
            {
                Id = id,
                Name = generated.DisplayName,
                Kind = handler.Kind,
                Source = "builtin",
                BuiltinName = info.Name,
                FileName = generated.FileName,
                Format = generated.Format,
                SizeBytes = size,
                Sha256 = sha256,
                ShapeJson = JsonSerializer.Serialize(generated.Inspection.Shape),
                LayoutJson = generated.Inspection.Layout.GetRawText(),
                DetailsJson = generated.Inspection.Details.GetRawText(),
                Description = generated.Inspection.Summary,
                CreatedAt = DateTimeOffset.UtcNow,
            }, ct);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Changes how a stored file is read (frames in/out, vector groups, permutation), after checking the new layout fits.</summary>
    public async Task<DatasetRecord> UpdateLayoutAsync(string id, JsonElement layout, CancellationToken ct = default)
    {
        var dataset = await GetAsync(id, ct);
        var inspection = await Task.Run(() => Handler(dataset.Kind).Inspect(PathOf(dataset), dataset.Format, layout), ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Datasets.FirstAsync(d => d.Id == id, ct);
        row.LayoutJson = inspection.Layout.GetRawText();
        row.DetailsJson = inspection.Details.GetRawText();
        row.Description = inspection.Summary;
        await db.SaveChangesAsync(ct);
        return row;
    }

    public async Task<object> PreviewAsync(string id, CancellationToken ct = default)
    {
        var dataset = await GetAsync(id, ct);
        return await Task.Run(() => Handler(dataset.Kind).Preview(PathOf(dataset), dataset.Format, RunJson.Parse(dataset.LayoutJson)), ct);
    }

    /// <summary>Deletes a data set and its file. Refused while a queued or running run uses it.</summary>
    public async Task DeleteAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dataset = await db.Datasets.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new DatasetNotFoundException(id);
        if (await db.Runs.AnyAsync(r => r.DatasetId == id && (r.Status == RunStatus.Queued || r.Status == RunStatus.Running), ct))
            throw new InvalidInputException($"'{dataset.Name}' is in use by a queued or running run: cancel it first.", "dataset");
        db.Datasets.Remove(dataset);
        await db.SaveChangesAsync(ct);
        string folder = dataDirectory.DatasetFolder(id);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        logger.LogInformation("Data set {DatasetId} deleted", id);
    }

    private static (IDatasetKindHandler Handler, DatasetInspection Inspection) InspectWithFirstReader(
        IReadOnlyList<IDatasetKindHandler> candidates, string path, string format, JsonElement? layout)
    {
        var failures = new List<(IDatasetKindHandler Handler, InvalidInputException Error)>();
        foreach (var handler in candidates)
        {
            try { return (handler, handler.Inspect(path, format, layout)); }
            catch (InvalidInputException ex) { failures.Add((handler, ex)); }
        }
        if (failures.Count == 1) throw failures[0].Error;
        // Every reader refused it: say what each expected, so a person can tell which one they meant.
        throw new InvalidInputException(
            string.Join(" ", failures.Select(f => $"Read as {f.Handler.DisplayName.ToLowerInvariant()}: {f.Error.Message}")),
            failures[0].Error.Field);
    }

    private async Task<DatasetRecord> StoreAsync(string id, string sourceFile, string fileName, string format, string kind, DatasetRecord record, CancellationToken ct)
    {
        string folder = dataDirectory.DatasetFolder(id);
        Directory.CreateDirectory(folder);
        try
        {
            File.Move(sourceFile, Path.Combine(folder, fileName));
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Datasets.Add(record);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Data set {DatasetId} ({Kind}, {Format}, {Bytes} bytes) stored", id, kind, format, record.SizeBytes);
            return record;
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    private async Task<(long Size, string Sha256)> CopyWithLimitAsync(Stream content, string destination, IProgress<long>? progress, CancellationToken ct)
    {
        long limit = MaxUploadBytes;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        long total = 0;
        await using (var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > limit)
                    throw new InvalidInputException(
                        $"The file is larger than the upload limit of {storage.Value.MaxUploadMegabytes} MB (Storage:MaxUploadMegabytes). " +
                        "Upload a subset, or raise the limit in appsettings.json.", "file");
                sha.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), ct);
                progress?.Report(total);
            }
        }
        return (total, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    private static async Task<(long Size, string Sha256)> HashAsync(string file, CancellationToken ct)
    {
        await using var stream = File.OpenRead(file);
        byte[] hash = await SHA256.HashDataAsync(stream, ct);
        return (stream.Length, Convert.ToHexStringLower(hash));
    }
}
