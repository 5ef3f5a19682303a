using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SymmetryExplorer.Web.Tests.Infrastructure;

namespace SymmetryExplorer.Web.Tests.Api;

public class DatasetApiTests : IDisposable
{
    private readonly SymxWebApp _app = new(settings: new Dictionary<string, string> { ["Storage:MaxUploadMegabytes"] = "1" });
    private readonly HttpClient _http;

    public DatasetApiTests() => _http = _app.CreateHttpClient();

    private static MultipartFormDataContent Form(byte[] bytes, string fileName, string? layout = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (layout is not null) form.Add(new StringContent(layout), "layout");
        return form;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(byte[] bytes, string fileName, string? layout = null)
    {
        var response = await _http.PostAsync("/api/datasets", Form(bytes, fileName, layout));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task Uploading_the_real_two_body_file_gives_the_reference_14652_pairs()
    {
        var (status, body) = await UploadAsync(await File.ReadAllBytesAsync(SymxApi.RealTwoBodyFile), "train_coords.npy");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal([814, 20, 8], body.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(14652, body.GetProperty("details").GetProperty("training_pairs").GetInt32());
        Assert.Equal("two-body", body.GetProperty("details").GetProperty("layout").GetString());
        Assert.Equal(64, body.GetProperty("sha256").GetString()!.Length);
        var listed = await _http.GetFromJsonAsync<JsonElement>("/api/datasets");
        Assert.Contains(listed.EnumerateArray(), d => d.GetProperty("id").GetString() == body.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Pickle_files_are_refused_with_an_explanation_and_nothing_is_stored()
    {
        var (status, body) = await UploadAsync([0x80, 0x04, 0x95, 0x00], "model.pt");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("can run arbitrary code", body.GetProperty("detail").GetString());
        Assert.Contains("numpy.save", body.GetProperty("detail").GetString());
        Assert.Equal("file", body.GetProperty("field").GetString());
        Assert.Empty((await _http.GetFromJsonAsync<JsonElement>("/api/datasets")).EnumerateArray());
    }

    [Fact]
    public async Task A_truncated_npy_file_fails_with_a_specific_message_and_leaves_stored_sets_untouched()
    {
        var good = await UploadAsync(await File.ReadAllBytesAsync(SymxApi.RealTwoBodyFile), "train_coords.npy");
        byte[] truncated = (await File.ReadAllBytesAsync(SymxApi.RealTwoBodyFile))[..5000];

        var (status, body) = await UploadAsync(truncated, "orbits.npy");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("orbits.npy", body.GetProperty("detail").GetString());
        Assert.Contains("truncated", body.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        var listed = (await _http.GetFromJsonAsync<JsonElement>("/api/datasets")).EnumerateArray().ToList();
        Assert.Single(listed);
        var stored = await _http.GetFromJsonAsync<JsonElement>($"/api/datasets/{good.Body.GetProperty("id").GetString()}/preview");
        Assert.True(stored.GetProperty("panels").GetArrayLength() > 0);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_app.DataDirectory, "uploads")));
    }

    [Fact]
    public async Task An_upload_over_the_size_limit_is_refused_with_the_setting_to_change()
    {
        var (status, body) = await UploadAsync(new byte[1024 * 1024 + 10], "big.npy");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Storage:MaxUploadMegabytes", body.GetProperty("detail").GetString());
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_app.DataDirectory, "uploads")));
    }

    [Fact]
    public async Task A_layout_that_does_not_fit_the_features_is_refused_naming_the_field()
    {
        string layout = """{"frames_in":1,"frames_out":1,"permutation":[0,1,2]}""";

        var (status, body) = await UploadAsync(await File.ReadAllBytesAsync(SymxApi.RealTwoBodyFile), "train_coords.npy", layout);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("permutation", body.GetProperty("field").GetString());
        Assert.Contains("8 features", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Built_in_two_body_is_generated_with_its_held_out_split_and_previews_both()
    {
        var dataset = await SymxApi.GenerateSmallTwoBodyAsync(_http);

        Assert.Equal("builtin", dataset.GetProperty("source").GetString());
        Assert.Equal(12, dataset.GetProperty("details").GetProperty("held_out_test_trajectories").GetInt32());
        var preview = await _http.GetFromJsonAsync<JsonElement>($"/api/datasets/{dataset.GetProperty("id").GetString()}/preview");
        var groups = preview.GetProperty("panels")[0].GetProperty("traces").EnumerateArray().Select(t => t.GetProperty("group").GetString()).Distinct();
        Assert.Equal(["train", "test"], groups);
    }

    [Fact]
    public async Task Unknown_data_sets_are_404_problems()
    {
        var response = await _http.GetAsync("/api/datasets/ds-doesnotexist");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    public void Dispose()
    {
        _http.Dispose();
        _app.Dispose();
    }
}
