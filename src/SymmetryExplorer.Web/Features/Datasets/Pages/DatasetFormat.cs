using System.Text.Json;
using SymmetryExplorer.Web.Storage;

namespace SymmetryExplorer.Web.Features.Datasets.Pages;

/// <summary>Formatting shared by the data set views.</summary>
public static class DatasetFormat
{
    public static string Shape(DatasetRecord d) =>
        "(" + string.Join(", ", JsonSerializer.Deserialize<int[]>(d.ShapeJson) ?? []) + ")";

    public static string Bytes(long bytes) =>
        bytes < 1024 ? $"{bytes} B"
        : bytes < 1024 * 1024 ? $"{bytes / 1024.0:0.#} KB"
        : bytes < 1024L * 1024 * 1024 ? $"{bytes / 1024.0 / 1024:0.#} MB"
        : $"{bytes / 1024.0 / 1024 / 1024:0.##} GB";
}
