using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace SymmetryExplorer.Web.Tests.Components;

/// <summary>bunit context set up like the app: MudBlazor services, loose JS interop, interactive server rendering.</summary>
public abstract class ComponentTestBase : BunitContext, IAsyncLifetime
{
    /// <param name="configureServices">Registers more services; runs before anything is resolved.</param>
    protected ComponentTestBase(Action<IServiceCollection>? configureServices = null)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        configureServices?.Invoke(Services);
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only implement IAsyncDisposable.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await CleanupAsync();
    }

    /// <summary>Runs after the context (and its services) are disposed: delete temp folders here.</summary>
    protected virtual Task CleanupAsync() => Task.CompletedTask;
}
