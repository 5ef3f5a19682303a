using PureHDF;
using SymmetryExplorer.Compute.Data.Files;
using SymmetryExplorer.Compute.Data.Trajectories;

namespace SymmetryExplorer.Compute.Tests.Data;

public class OtherFormatTests
{
    private static NdArray Ramp(int n, int t, int f) =>
        new(Enumerable.Range(0, n * t * f).Select(i => i * 0.5).ToArray(), [n, t, f]);

    [Fact]
    public void Npz_archives_round_trip_stored_and_compressed()
    {
        using var tmp = new TempFiles();
        var array = Ramp(6, 5, 8);
        foreach (bool compress in new[] { false, true })
        {
            string path = tmp.PathOf($"a{compress}.npz");
            NpzArchive.Write(path, new Dictionary<string, NdArray> { ["coords"] = array, ["other"] = new NdArray([1, 2], [2]) }, compress);

            var back = NpzArchive.Read(path);

            Assert.Equal(["coords", "other"], NpzArchive.List(path).Order());
            Assert.Equal(array.Data, back.Data);
            Assert.Equal(array.Shape, back.Shape);
        }
    }

    [Fact]
    public void Npz_with_several_unconventional_arrays_asks_which_one()
    {
        using var tmp = new TempFiles();
        string path = tmp.PathOf("m.npz");
        NpzArchive.Write(path, new Dictionary<string, NdArray> { ["a"] = Ramp(1, 1, 1), ["b"] = Ramp(1, 1, 1) });

        var ex = Assert.Throws<InvalidInputException>(() => NpzArchive.Read(path));

        Assert.Contains("say which one", ex.Message);
    }

    [Fact]
    public void A_corrupt_zip_is_refused()
    {
        using var tmp = new TempFiles();
        var path = tmp.Write("z.npz", [0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);

        var ex = Assert.Throws<InvalidInputException>(() => NpzArchive.Read(path));

        Assert.Contains("not a valid .npz", ex.Message);
    }

    [Fact]
    public void Csv_per_frame_rows_are_grouped_by_trajectory_and_sorted_by_time()
    {
        using var tmp = new TempFiles();
        var lines = new List<string> { "trajectory,t,a,b" };
        // Rows deliberately out of order.
        for (int t = 2; t >= 0; t--)
            for (int id = 0; id < 2; id++) lines.Add($"{id},{t},{id * 10 + t},{-t}");
        var path = tmp.WriteText("f.csv", string.Join("\n", lines));

        var data = TrajectoryFiles.Read(path);

        Assert.Equal([2, 3, 2], data.Values.Shape);
        Assert.Equal([0.0, 0, 1, -1, 2, -2, 10, 0, 11, -1, 12, -2], data.Values.Data);
        Assert.Equal(["a", "b"], data.NaturalLayout!.FeatureNames);
    }

    [Fact]
    public void Csv_pair_rows_make_one_window_each()
    {
        using var tmp = new TempFiles();
        var lines = new List<string> { "x_a,x_b,y_a,y_b" };
        for (int i = 0; i < 20; i++) lines.Add($"{i},{i + 1},{i + 2},{i + 3}");
        var path = tmp.WriteText("p.csv", string.Join("\n", lines));

        var data = TrajectoryFiles.Load(path);

        Assert.Equal(20, data.Count);
        Assert.Equal([5f, 6f], data.X[10..12]);
        Assert.Equal([7f, 8f], data.Y[10..12]);
    }

    [Theory]
    [InlineData("1,2,3\n4,5,6", "header row")]
    [InlineData("trajectory,t,a\n0,0,1\n0,1,oops", "not a number")]
    [InlineData("trajectory,t,a\n0,0,1\n0,1", "has 2 cells")]
    [InlineData("trajectory,t,a\n0,0,1\n0,1,2\n1,0,3", "same number of frames")]
    [InlineData("p,q,r\n1,2,3", "cannot tell the CSV layout")]
    [InlineData("trajectory,t,a\n0,0,nan", "NaN")]
    public void Bad_csv_files_get_specific_messages(string text, string expected)
    {
        using var tmp = new TempFiles();
        var path = tmp.WriteText("bad.csv", text);

        var ex = Assert.Throws<InvalidInputException>(() => TrajectoryFiles.Read(path));

        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void H5_datasets_of_float32_are_read_as_trajectories()
    {
        using var tmp = new TempFiles();
        string path = tmp.PathOf("t.h5");
        var values = new float[4, 5, 8];
        for (int i = 0; i < 4; i++) for (int t = 0; t < 5; t++) for (int f = 0; f < 8; f++) values[i, t, f] = i * 100 + t * 10 + f;
        new H5File { ["coords"] = values }.Write(path);

        var info = TrajectoryFiles.Inspect(path);
        var data = TrajectoryFiles.Read(path);

        Assert.Equal("h5", info.Format);
        Assert.Equal([4, 5, 8], info.Shape);
        Assert.Equal("float32", info.DType);
        Assert.Equal(213.0, data.Values.Data[(2 * 5 + 1) * 8 + 3]);
    }

    [Fact]
    public void A_top_tagging_style_pandas_table_loads_as_labelled_four_momenta()
    {
        using var tmp = new TempFiles();
        string path = tmp.PathOf("top.h5");
        int rows = 40;
        var items = new[] { "E_0", "PX_0", "PY_0", "PZ_0", "E_1", "PX_1", "PY_1", "PZ_1", "E_2", "PX_2", "PY_2", "PZ_2", "is_signal_new" };
        var values = new double[rows, items.Length];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < items.Length - 1; c++) values[r, c] = r + c / 100.0;
            values[r, items.Length - 1] = r % 2;
        }
        new H5File { ["table"] = new H5Group { ["block0_items"] = items, ["block0_values"] = values } }.Write(path);

        var data = TrajectoryFiles.Load(path);
        var info = TrajectoryFiles.Inspect(path);

        Assert.Equal("h5-table", info.Format);
        Assert.Equal([rows, 2, 4], info.Shape);
        Assert.True(info.HasLabels);
        Assert.Equal(TargetKind.Class, data.Target);
        Assert.Equal(2, data.ClassCount);
        Assert.Equal([rows, 2L, 4], data.XShape);
        Assert.Equal((float)(7 + 5 / 100.0), data.X[7 * 8 + 5]); // row 7, particle 1, px
        Assert.Equal(1f, data.Y[7]);
    }

    [Fact]
    public void Garbage_h5_is_refused()
    {
        using var tmp = new TempFiles();
        var path = tmp.Write("g.h5", new byte[100]);

        var info = TrajectoryFiles.Inspect(path);

        Assert.False(info.IsUsable);
        Assert.Contains("not a readable HDF5 file", info.Problems[0]);
    }

    [Fact]
    public void Unknown_extensions_are_refused()
    {
        using var tmp = new TempFiles();
        var path = tmp.WriteText("x.txt", "1 2 3");

        var ex = Assert.Throws<InvalidInputException>(() => TrajectoryFiles.Read(path));

        Assert.Contains("unsupported file type", ex.Message);
    }
}
