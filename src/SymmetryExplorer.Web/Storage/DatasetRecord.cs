namespace SymmetryExplorer.Web.Storage;

/// <summary>A data set the user uploaded or generated. The file itself lives in <see cref="DataDirectory.DatasetFolder"/>.</summary>
public sealed class DatasetRecord
{
    public required string Id { get; set; }
    public required string Name { get; set; }

    /// <summary><see cref="DatasetKinds.Trajectory"/> or <see cref="DatasetKinds.Flow"/>.</summary>
    public required string Kind { get; set; }

    /// <summary><c>upload</c> or <c>builtin</c>.</summary>
    public required string Source { get; set; }

    /// <summary>For built-in sets, the generator's name (e.g. two-body); null for uploads.</summary>
    public string? BuiltinName { get; set; }

    /// <summary>File name inside the data set's folder.</summary>
    public required string FileName { get; set; }

    /// <summary>The name the user's file had.</summary>
    public string? OriginalFileName { get; set; }

    /// <summary>File format: npy, npz, csv, h5.</summary>
    public required string Format { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>SHA-256 of the stored file, hex: provenance for every run trained on it.</summary>
    public required string Sha256 { get; set; }

    /// <summary>Shape of the main array, e.g. [814, 20, 8].</summary>
    public required string ShapeJson { get; set; }

    /// <summary>Engine-specific description of how to read the file (feature layout, splits, generator options).</summary>
    public required string LayoutJson { get; set; }

    /// <summary>Engine-specific facts worth showing (statistics, measured equivariance error, ...).</summary>
    public string? DetailsJson { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public static class DatasetKinds
{
    public const string Trajectory = "trajectory";
    public const string Flow = "flow";
}
