namespace SymmetryExplorer.Compute.Runtime;

/// <summary>Where and how tensors are computed. Bound from the <c>Compute</c> configuration section.</summary>
public sealed class ComputeOptions
{
    public const string SectionName = "Compute";

    /// <summary><c>auto</c> (CUDA when present, else CPU), <c>cpu</c> or <c>cuda</c>.</summary>
    public string Device { get; set; } = "auto";

    /// <summary>Intra-op threads for libtorch; 0 means one per logical core.</summary>
    public int Threads { get; set; }
}
