namespace SymmetryExplorer.Web.Storage;

/// <summary>Where the app keeps its state. Bound from the <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>
    /// Folder for the SQLite database, uploaded and generated data sets, and run files (checkpoints,
    /// results). Empty means <c>$XDG_DATA_HOME/symmetry-explorer</c> (usually ~/.local/share/symmetry-explorer).
    /// </summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>Largest accepted upload in megabytes.</summary>
    public long MaxUploadMegabytes { get; set; } = 512;
}
