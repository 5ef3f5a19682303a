using SymmetryExplorer.Compute.Data.Files;

namespace SymmetryExplorer.Compute.Data.Trajectories;

/// <summary>
/// The top-tagging data set's layout (Kasieczka et al.): a pandas table under key <c>table</c> with
/// columns E_i, PX_i, PY_i, PZ_i per constituent i (sorted by pT) and the label <c>is_signal_new</c>.
/// Read as (jets, particles, 4) four-momenta plus labels, as the reference takes the first
/// particles of each jet.
/// </summary>
public static class TopTaggingTable
{
    public const string LabelColumn = "is_signal_new";

    public static IReadOnlyList<string> ColumnsFor(int particles) =>
        Enumerable.Range(0, particles).SelectMany(i => new[] { $"E_{i}", $"PX_{i}", $"PY_{i}", $"PZ_{i}" }).Append(LabelColumn).ToList();

    public static TrajectoryArray Read(string path, int particles, int maxRows)
    {
        if (particles < 1) throw new InvalidInputException("at least one particle per jet is needed.", "frames_in");
        var table = Hdf5Arrays.ReadTableColumns(path, ColumnsFor(particles), maxRows: maxRows);
        int rows = table.Shape[0], width = table.Shape[1];
        var momenta = new double[(long)rows * particles * 4];
        var labels = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            Array.Copy(table.Data, (long)r * width, momenta, (long)r * particles * 4, particles * 4);
            labels[r] = table.Data[(long)r * width + width - 1];
        }
        return new TrajectoryArray(new NdArray(momenta, [rows, particles, 4]), new NdArray(labels, [rows]), "h5-table", "table",
            TrajectoryLayout.Particles(particles));
    }
}
