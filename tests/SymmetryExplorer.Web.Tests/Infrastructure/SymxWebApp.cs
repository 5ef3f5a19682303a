using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SymmetryExplorer.Web.Tests.Infrastructure;

/// <summary>
/// The real web app on a real loopback port (Kestrel, not the in-memory test server), with its own
/// empty data directory, so browsers and SignalR clients talk to it exactly as users do.
/// </summary>
public sealed class SymxWebApp : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly bool _ownsDataDirectory;

    /// <param name="dataDirectory">An existing data directory to reuse (a "restart"); null makes a fresh one.</param>
    /// <param name="settings">Extra configuration, e.g. Storage:MaxUploadMegabytes.</param>
    public SymxWebApp(string? dataDirectory = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        _ownsDataDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "symx-tests", Guid.NewGuid().ToString("N"));
        _settings = settings ?? new Dictionary<string, string>();
        Directory.CreateDirectory(DataDirectory);
        UseKestrel(0);
        StartServer();
    }

    public string DataDirectory { get; }

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>The address the app listens on, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
            return new Uri(addresses.Addresses.First().Replace("[::1]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Compute:Device", "cpu");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing || !_ownsDataDirectory) return;
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { } // a file still open on a slow shutdown: the temp folder is cleaned later
    }
}
