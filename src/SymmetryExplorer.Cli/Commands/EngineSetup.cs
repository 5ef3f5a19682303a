using SymmetryExplorer.Compute.Runtime;
using TorchSharp;

namespace SymmetryExplorer.Cli.Commands;

/// <summary>Loads the backend and resolves the --device of this command (validated even when the backend was initialised earlier in the process).</summary>
internal static class EngineSetup
{
    public static (BackendInfo Info, torch.Device Device) Initialize(string? device, int threads)
    {
        var info = TorchRuntime.Initialize(new ComputeOptions { Device = device ?? "auto", Threads = threads });
        return (info, TorchRuntime.ResolveDevice(device, info.CudaAvailable));
    }
}
