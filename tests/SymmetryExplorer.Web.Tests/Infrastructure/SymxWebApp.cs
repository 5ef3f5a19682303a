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
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "symx-tests", Guid.NewGuid().ToString("N"));

    public SymxWebApp()
    {
        Directory.CreateDirectory(DataDirectory);
        UseKestrel(0);
        StartServer();
    }

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
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { } // a file still open on a slow shutdown: the temp folder is cleaned later
    }
}
