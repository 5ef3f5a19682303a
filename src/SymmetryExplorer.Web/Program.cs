using SymmetryExplorer.Web.Hosting;

// The binaries' folder is the content root, so the top-level appsettings.json (copied next to them)
// is the configuration whether the app runs from `dotnet run`, from publish output or in Docker.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});

if (!builder.TryInitializeTorch(out int exitCode)) return exitCode;

builder.AddSymmetryExplorer();

var app = builder.Build();
app.UseSymmetryExplorer();
await app.RunAsync();
return 0;

/// <summary>Entry point type, public so integration tests can host the app.</summary>
public partial class Program;
