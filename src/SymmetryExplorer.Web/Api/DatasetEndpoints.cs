using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using SymmetryExplorer.Compute;
using SymmetryExplorer.Web.Features.Datasets;

namespace SymmetryExplorer.Web.Api;

/// <summary>The data sets part of the HTTP API.</summary>
public static class DatasetEndpoints
{
    public static RouteGroupBuilder MapDatasetEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/datasets").WithTags("Datasets").AddEndpointFilter<ProblemMapping>();

        group.MapGet("/", async (DatasetService datasets, CancellationToken ct) =>
            (await datasets.ListAsync(ct)).Select(DatasetDto.From));

        group.MapGet("/builtin", (DatasetService datasets) =>
            datasets.Handlers.SelectMany(h => h.BuiltIns.Select(b => new BuiltInDatasetDto(h.Kind, b.Name, b.Title, b.Symmetry, b.Description))));

        group.MapGet("/{id}", async (string id, DatasetService datasets, CancellationToken ct) =>
            DatasetDto.From(await datasets.GetAsync(id, ct)));

        group.MapGet("/{id}/preview", async (string id, DatasetService datasets, CancellationToken ct) =>
            TypedResults.Json(await datasets.PreviewAsync(id, ct), Features.Runs.Events.RunJson.Options));

        group.MapDelete("/{id}", async (string id, DatasetService datasets, CancellationToken ct) =>
        {
            await datasets.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        });

        // Multipart upload: field "file" (required), optional "name", "kind" (trajectory|flow) and "layout" (JSON).
        group.MapPost("/", async (HttpRequest request, DatasetService datasets, CancellationToken ct) =>
        {
            var sizeLimit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (sizeLimit is { IsReadOnly: false }) sizeLimit.MaxRequestBodySize = datasets.MaxUploadBytes + 1024 * 1024;
            if (!request.HasFormContentType)
                throw new InvalidInputException("Send the file as multipart/form-data with a field named 'file'.", "file");
            var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = datasets.MaxUploadBytes + 1024 * 1024 }, ct);
            var file = form.Files.GetFile("file") ?? throw new InvalidInputException("The form has no field named 'file'.", "file");
            JsonElement? layout = null;
            if (form.TryGetValue("layout", out var layoutText) && !string.IsNullOrWhiteSpace(layoutText))
            {
                try { layout = JsonDocument.Parse(layoutText.ToString()).RootElement.Clone(); }
                catch (JsonException ex) { throw new InvalidInputException($"'layout' is not valid JSON: {ex.Message}", "layout"); }
            }
            await using var stream = file.OpenReadStream();
            var dataset = await datasets.UploadAsync(stream, file.FileName, form["name"].ToString(),
                string.IsNullOrWhiteSpace(form["kind"]) ? null : form["kind"].ToString(), layout, ct: ct);
            return TypedResults.Created($"/api/datasets/{dataset.Id}", DatasetDto.From(dataset));
        }).DisableAntiforgery();

        group.MapPost("/builtin", async (GenerateDatasetRequest request, DatasetService datasets, CancellationToken ct) =>
        {
            string kind = request.Kind
                          ?? datasets.Handlers.FirstOrDefault(h => h.BuiltIns.Any(b => b.Name == request.Name))?.Kind
                          ?? throw new InvalidInputException($"There is no built-in data set '{request.Name}'. GET /api/datasets/builtin lists them.", "name");
            var dataset = await datasets.GenerateAsync(kind, request.Name, request.Options, request.Seed, ct);
            return TypedResults.Created($"/api/datasets/{dataset.Id}", DatasetDto.From(dataset));
        });

        group.MapPut("/{id}/layout", async (string id, JsonElement layout, DatasetService datasets, CancellationToken ct) =>
            DatasetDto.From(await datasets.UpdateLayoutAsync(id, layout, ct)));

        return group;
    }
}
