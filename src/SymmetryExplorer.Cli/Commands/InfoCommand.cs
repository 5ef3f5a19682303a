using System.CommandLine;
using System.Text.Json;
using SymmetryExplorer.Compute.Runtime;

namespace SymmetryExplorer.Cli.Commands;

/// <summary><c>symx info</c>: versions, device and threads of the backend this machine gives the engine.</summary>
public static class InfoCommand
{
    public static Command Create(TextWriter output)
    {
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON instead of text." };
        var command = new Command("info", "Show the torch backend: versions, device and threads.") { device, threads, json };
        command.SetAction(parse =>
        {
            var info = TorchRuntime.Initialize(new ComputeOptions
            {
                Device = parse.GetValue(device) ?? "auto",
                Threads = parse.GetValue(threads),
            });
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(info, CliJson.Options));
                return ExitCodes.Success;
            }
            output.WriteLine($"symx {typeof(InfoCommand).Assembly.GetName().Version?.ToString(3)}");
            output.WriteLine($"torch        {info.TorchVersion} (TorchSharp {info.TorchSharpVersion})");
            output.WriteLine($"device       {info.Device}{(info.CudaAvailable ? " (CUDA available)" : " (CUDA not available)")}");
            output.WriteLine($"threads      {info.Threads} of {info.Processors} logical processors");
            output.WriteLine($"runtime      .NET {Environment.Version} on {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
            return ExitCodes.Success;
        });
        return command;
    }
}
