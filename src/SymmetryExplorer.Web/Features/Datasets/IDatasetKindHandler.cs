using System.Text.Json;

namespace SymmetryExplorer.Web.Features.Datasets;

/// <summary>
/// What the web app needs from the engine for one kind of data set (trajectories, flows): reading
/// and validating files, generating built-in sets and producing previews.
/// </summary>
public interface IDatasetKindHandler
{
    /// <summary><c>trajectory</c> or <c>flow</c>.</summary>
    string Kind { get; }

    /// <summary>File formats this kind reads (npy, npz, csv, h5).</summary>
    IReadOnlyCollection<string> Formats { get; }

    IReadOnlyList<BuiltInDatasetInfo> BuiltIns { get; }

    /// <summary>
    /// Reads and validates a file with an optional layout (null: guess one). Throws
    /// <see cref="Compute.InvalidInputException"/> with a specific message when the file or layout is wrong.
    /// </summary>
    DatasetInspection Inspect(string path, string format, JsonElement? layout);

    /// <summary>Generates a built-in data set into <paramref name="folder"/>; returns the file written and its inspection.</summary>
    GeneratedDatasetFile Generate(string name, JsonElement? options, int seed, string folder);

    /// <summary>Data for the preview plots (kind-specific shape, serialisable).</summary>
    object Preview(string path, string format, JsonElement layout);

    /// <summary>Plural noun for this kind, e.g. "Trajectories".</summary>
    string DisplayName { get; }

    /// <summary>
    /// A component that previews a data set of this kind (plots), or null. It receives
    /// <c>Dataset</c> (<see cref="Storage.DatasetRecord"/>).
    /// </summary>
    Type? PreviewComponent { get; }

    /// <summary>
    /// A component that edits how the file is read (its layout), or null. It receives <c>Dataset</c>
    /// and <c>OnSaved</c> (<c>EventCallback&lt;DatasetRecord&gt;</c>).
    /// </summary>
    Type? LayoutEditorComponent { get; }
}

/// <param name="Name">Generator name, e.g. two-body.</param>
/// <param name="Title">Card title.</param>
/// <param name="Symmetry">One line on the symmetry it has.</param>
/// <param name="Description">A little more: what the data are and their size.</param>
/// <param name="Options">Size and shape settings the card offers (sent as snake_case generator options).</param>
public sealed record BuiltInDatasetInfo(string Name, string Title, string Symmetry, string Description, IReadOnlyList<BuiltInOption>? Options = null);

/// <summary>A numeric setting of a built-in generator.</summary>
/// <param name="Name">Option key (snake_case), e.g. grid.</param>
/// <param name="Default">Value the card starts with.</param>
public sealed record BuiltInOption(string Name, string Label, double Default, double Min, double Max, double Step = 1, string? Help = null);

/// <param name="Shape">Shape of the main array.</param>
/// <param name="Layout">The layout to store (given or guessed), snake_case JSON.</param>
/// <param name="Details">Facts to show: sample counts, statistics, measured symmetry, warnings.</param>
/// <param name="Summary">One line, e.g. "814 trajectories x 20 frames x 8 features; 14,652 training pairs".</param>
public sealed record DatasetInspection(int[] Shape, JsonElement Layout, JsonElement Details, string Summary);

/// <param name="FileName">File written inside the folder.</param>
/// <param name="Format">Its format.</param>
/// <param name="Inspection">The file read back.</param>
/// <param name="DisplayName">A default name for the data set.</param>
public sealed record GeneratedDatasetFile(string FileName, string Format, DatasetInspection Inspection, string DisplayName);
