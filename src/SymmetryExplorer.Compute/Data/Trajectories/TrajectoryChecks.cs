using SymmetryExplorer.Compute.Data.Files;

namespace SymmetryExplorer.Compute.Data.Trajectories;

/// <summary>Sanity checks shared by every way trajectories come in.</summary>
public static class TrajectoryChecks
{
    /// <summary>Throws unless the array is (N, T, F) with N, T, F ≥ 1 and every value finite.</summary>
    public static void RequireTrajectoryArray(NdArray array, string source)
    {
        var problem = Problems(array).FirstOrDefault();
        if (problem is not null) throw new InvalidInputException($"{source}: {problem}", "file");
    }

    /// <summary>Everything wrong with an array as trajectory data, one sentence each; empty when fine.</summary>
    public static IReadOnlyList<string> Problems(NdArray array)
    {
        var problems = new List<string>();
        if (array.Rank != 3)
        {
            problems.Add($"expected shape (N, T, F) (trajectories, frames, features) but the array has rank {array.Rank}, shape {array.ShapeText}." +
                         (array.Rank == 2 ? " Reshape to (N, T, F) or add a frame axis: x[:, None, :]." : ""));
            return problems;
        }
        if (array.Shape.Any(d => d == 0)) problems.Add($"the array is empty (shape {array.ShapeText}).");
        long bad = array.FirstNonFinite();
        if (bad >= 0)
            problems.Add($"value at [{string.Join(", ", array.Unravel(bad))}] is {array.Data[bad]}; remove or fill NaN/Inf values before uploading.");
        return problems;
    }
}
