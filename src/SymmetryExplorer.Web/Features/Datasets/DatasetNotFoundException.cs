namespace SymmetryExplorer.Web.Features.Datasets;

/// <summary>No data set has the id asked for.</summary>
public sealed class DatasetNotFoundException(string id) : Exception($"Data set '{id}' does not exist.")
{
    public string DatasetId { get; } = id;
}
