using SymmetryExplorer.Compute;

namespace SymmetryExplorer.Web.Features.Datasets;

/// <summary>Which uploads are accepted by name, before a byte is read.</summary>
public static class UploadPolicy
{
    public static readonly IReadOnlyDictionary<string, string> FormatsByExtension = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".npy"] = "npy",
        [".npz"] = "npz",
        [".csv"] = "csv",
        [".h5"] = "h5",
        [".hdf5"] = "h5",
    };

    // Formats that deserialise Python objects: loading one can execute code chosen by its author.
    private static readonly HashSet<string> ExecutableFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        ".pkl", ".pickle", ".pt", ".pth", ".ckpt", ".joblib", ".dill",
    };

    public static string AcceptedExtensions => string.Join(", ", FormatsByExtension.Keys);

    /// <summary>The format for a file name, or an <see cref="InvalidInputException"/> saying what to upload instead.</summary>
    public static string FormatOf(string fileName)
    {
        string extension = Path.GetExtension(fileName);
        if (ExecutableFormats.Contains(extension))
            throw new InvalidInputException(
                $"'{fileName}' is a {extension} file. Pickle-based files ({string.Join(", ", ExecutableFormats)}) can run arbitrary code " +
                "when they are opened, so Symmetry Explorer never opens them. Export the arrays instead: numpy.save('data.npy', array), " +
                "numpy.savez('data.npz', train=..., test=...), a CSV table, or HDF5 (h5py).", "file");
        if (FormatsByExtension.TryGetValue(extension, out string? format)) return format;
        throw new InvalidInputException(
            $"'{fileName}' has an unsupported type{(extension.Length > 0 ? $" ({extension})" : "")}. Upload one of: {AcceptedExtensions}.", "file");
    }
}
