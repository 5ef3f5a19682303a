namespace SymmetryExplorer.Compute.Flows.Files;

/// <summary>
/// What <see cref="FlowFiles.Inspect"/> found in a flow file. <see cref="Problems"/> is empty when
/// the file can be trained on; otherwise each entry is a sentence a person can act on, and
/// <see cref="FlowFiles.Load"/> would throw with the first one.
/// </summary>
/// <param name="Path">The file.</param>
/// <param name="Format"><c>npy</c>, <c>npz</c> or <c>h5</c>.</param>
/// <param name="ArrayName">The array used inside an .npz / .h5 (null for .npy).</param>
/// <param name="Shape">The stored shape, empty when unreadable.</param>
/// <param name="Dtype">float32, float64, int64, ... (null when unreadable).</param>
/// <param name="Simulations">S (1 for a (T, 2, H, W) array); 0 when the shape is unusable.</param>
/// <param name="Frames">T.</param>
/// <param name="Height">H.</param>
/// <param name="Width">W.</param>
/// <param name="SizeBytes">File size.</param>
/// <param name="Problems">What is wrong, empty if nothing.</param>
public sealed record FlowFileInfo(
    string Path,
    string Format,
    string? ArrayName,
    IReadOnlyList<long> Shape,
    string? Dtype,
    int Simulations,
    int Frames,
    int Height,
    int Width,
    long SizeBytes,
    IReadOnlyList<string> Problems)
{
    public bool IsUsable => Problems.Count == 0;
}
