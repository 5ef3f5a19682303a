using System.Net.Http.Json;
using System.Text.Json;

namespace SymmetryExplorer.Web.Tests.Infrastructure;

public class HealthEndpointTests : IDisposable
{
    private readonly SymxWebApp _app = new();

    [Fact]
    public async Task Healthz_reports_ok_with_torch_version_device_and_threads()
    {
        using var http = _app.CreateHttpClient();
        var body = await http.GetFromJsonAsync<JsonElement>("/healthz");

        Assert.Equal("ok", body.GetProperty("status").GetString());
        var torch = body.GetProperty("torch");
        Assert.StartsWith("2.", torch.GetProperty("version").GetString());
        Assert.Equal("cpu", torch.GetProperty("device").GetString());
        Assert.True(torch.GetProperty("threads").GetInt32() >= 1);
    }

    public void Dispose() => _app.Dispose();
}
