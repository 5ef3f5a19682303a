using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace SymmetryExplorer.Web.Tests.Components;

/// <summary>bunit context set up like the app: MudBlazor services, loose JS interop, interactive server rendering.</summary>
public abstract class ComponentTestBase : BunitContext, IAsyncLifetime
{
    protected ComponentTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only implement IAsyncDisposable.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
