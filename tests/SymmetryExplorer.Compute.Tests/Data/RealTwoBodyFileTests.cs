using SymmetryExplorer.Compute.Data.Files;
using SymmetryExplorer.Compute.Data.Trajectories;

namespace SymmetryExplorer.Compute.Tests.Data;

/// <summary>The real LieGAN 2-body file from shared/data, read as a user's upload.</summary>
public class RealTwoBodyFileTests
{
    internal static string TrainPath => SharedData.Path("liegan-2body", "train_coords.npy");

    [Fact]
    public void Train_file_with_the_two_body_layout_gives_the_references_14652_windows()
    {
        var data = TrajectoryFiles.Load(TrainPath, TrajectoryLayout.TwoBody());

        Assert.Equal(14_652, data.Count);
        Assert.Equal(8, data.Dimension);
        Assert.Equal([14_652L, 1, 8], data.XShape);
        Assert.Equal([14_652L, 1, 8], data.YShape);
    }

    [Fact]
    public void Windows_hold_permuted_consecutive_frames()
    {
        var raw = NpyReader.Read(TrainPath);
        var data = TrajectoryFiles.Load(TrainPath, TrajectoryLayout.TwoBody());
        int[] perm = [0, 2, 4, 6, 1, 3, 5, 7];
        // Pair 18 + 5 is trajectory 1, start frame 5: x = frame 5, y = frame 6.
        int pair = 18 + 5;
        for (int k = 0; k < 8; k++)
        {
            Assert.Equal((float)raw.Data[(1 * 20 + 5) * 8 + perm[k]], data.X[pair * 8 + k]);
            Assert.Equal((float)raw.Data[(1 * 20 + 6) * 8 + perm[k]], data.Y[pair * 8 + k]);
        }
    }

    [Fact]
    public void Inspect_suggests_the_two_body_layout()
    {
        var info = TrajectoryFiles.Inspect(TrainPath);

        Assert.True(info.IsUsable, string.Join("; ", info.Problems));
        Assert.Equal("npy", info.Format);
        Assert.Equal([814, 20, 8], info.Shape);
        Assert.Equal("float64", info.DType);
        Assert.Equal("two-body", info.SuggestedLayoutName);
        Assert.Equal(14_652, info.PairCount);
    }
}

internal static class SharedData
{
    /// <summary>Finds shared/data from the test's folder upwards (worktrees and CI clones sit beside shared/).</summary>
    public static string Path(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (string candidate in new[] { System.IO.Path.Combine(dir.FullName, "shared", "data"), System.IO.Path.Combine(dir.FullName, "..", "shared", "data") })
            {
                string full = System.IO.Path.Combine([candidate, .. parts]);
                if (File.Exists(full)) return full;
            }
        }
        string fallback = System.IO.Path.Combine(["/work/shared/data", .. parts]);
        if (File.Exists(fallback)) return fallback;
        throw new FileNotFoundException($"shared data file {string.Join("/", parts)} not found above {AppContext.BaseDirectory}");
    }
}
