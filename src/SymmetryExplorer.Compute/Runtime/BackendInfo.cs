namespace SymmetryExplorer.Compute.Runtime;

/// <summary>What the engine runs on: reported by <c>/healthz</c>, <c>symx info</c> and run provenance.</summary>
/// <param name="TorchVersion">libtorch version, e.g. 2.10.0.</param>
/// <param name="TorchSharpVersion">TorchSharp binding version, e.g. 0.107.0.</param>
/// <param name="Device">The resolved device: <c>cpu</c> or <c>cuda</c> / <c>cuda:N</c>.</param>
/// <param name="Threads">libtorch intra-op threads.</param>
/// <param name="CudaAvailable">Whether a CUDA device is visible to this build.</param>
/// <param name="Processors">Logical processors of the machine.</param>
public sealed record BackendInfo(
    string TorchVersion,
    string TorchSharpVersion,
    string Device,
    int Threads,
    bool CudaAvailable,
    int Processors);
