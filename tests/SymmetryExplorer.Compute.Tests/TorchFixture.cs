using SymmetryExplorer.Compute.Runtime;

namespace SymmetryExplorer.Compute.Tests;

/// <summary>Initialises libtorch once for the test assembly, on the CPU with a fixed thread count.</summary>
public static class TorchFixture
{
    public static BackendInfo Ensure() => TorchRuntime.Initialize(new ComputeOptions { Device = "cpu", Threads = 2 });
}
