using SymmetryExplorer.Compute.Data.BuiltIn;
using SymmetryExplorer.Compute.Data.Trajectories;

namespace SymmetryExplorer.Compute.LieGan;

/// <summary>Where a run's data come from: a built-in generator or a file with a layout.</summary>
public static class LieGanDataSource
{
    /// <summary>
    /// Resolves a --dataset value: a built-in name (generated with <paramref name="dataSeed"/>) or a
    /// path to a trajectory file (read with <paramref name="layout"/>, or the suggested layout).
    /// </summary>
    /// <param name="limit">Keep only the first this many pairs (0 = all), for quick runs.</param>
    public static SymmetryDataset Resolve(string dataset, TrajectoryLayout? layout = null, int dataSeed = 0, int limit = 0, BuiltInOptions? options = null)
    {
        if (string.IsNullOrWhiteSpace(dataset))
            throw new InvalidInputException("a data set is needed: a built-in name or a file path.", "dataset");
        SymmetryDataset data;
        if (BuiltInTrajectoryDatasets.Exists(dataset))
        {
            var generated = BuiltInTrajectoryDatasets.Generate(dataset, dataSeed, options);
            data = layout is null ? generated.TrainPairs()
                : TrajectoryWindows.Build(generated.Name, generated.Train.Values, layout, generated.Train.Labels);
        }
        else if (File.Exists(dataset))
        {
            data = TrajectoryFiles.Load(dataset, layout);
        }
        else
        {
            throw new InvalidInputException(
                $"'{dataset}' is neither a built-in data set ({string.Join(", ", BuiltInTrajectoryDatasets.Names)}) nor an existing file.", "dataset");
        }
        if (limit < 0) throw new InvalidInputException("limit must be 0 (all pairs) or positive.", "limit");
        return limit > 0 && limit < data.Count ? data.Take(limit) : data;
    }

    /// <summary>The preset a data set runs with when none is named.</summary>
    public static string DefaultPreset(string dataset) => dataset switch
    {
        "discrete-rotation" => "discrete-rotation",
        "lorentz" => "lorentz",
        "three-body" => "three-body",
        _ => "two-body",
    };
}
