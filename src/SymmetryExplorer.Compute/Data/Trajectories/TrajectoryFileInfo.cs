namespace SymmetryExplorer.Compute.Data.Trajectories;

/// <summary>
/// What <see cref="TrajectoryFiles.Inspect"/> found in a file: enough for an upload form to show the
/// shape, flag problems and propose a layout before anything is trained.
/// </summary>
/// <param name="Format">npy, npz, csv, h5 or h5-table (pandas top-tagging table).</param>
/// <param name="Shape">(N, T, F) as it will be read: trajectories (or samples), frames (or particles), features.</param>
/// <param name="DType">Element type stored in the file.</param>
/// <param name="Problems">Everything that stops the file from being used, one sentence each; empty when usable.</param>
/// <param name="SuggestedLayout">A layout that fits the shape (null when the file cannot be used).</param>
/// <param name="SuggestedLayoutName">The named layout suggested (two-body, three-body, particles, ...) or "generic".</param>
/// <param name="ArrayName">Which array inside an .npz / .h5 was taken.</param>
/// <param name="HasLabels">Class labels were found (label column or top-tagging is_signal_new).</param>
/// <param name="PairCount">Training pairs the suggested layout gives, when usable.</param>
public sealed record TrajectoryFileInfo(
    string Format,
    int[] Shape,
    string DType,
    IReadOnlyList<string> Problems,
    TrajectoryLayout? SuggestedLayout,
    string SuggestedLayoutName,
    string? ArrayName,
    bool HasLabels,
    int PairCount)
{
    public bool IsUsable => Problems.Count == 0;
}

/// <summary>An array of trajectories (N, T, F) with optional class labels (N), as read from a file.</summary>
public sealed record TrajectoryArray(Files.NdArray Values, Files.NdArray? Labels, string Format, string? ArrayName, TrajectoryLayout? NaturalLayout = null);
