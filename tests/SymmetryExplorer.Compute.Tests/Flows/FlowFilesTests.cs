using System.IO.Compression;
using PureHDF;
using SymmetryExplorer.Compute.Flows;
using SymmetryExplorer.Compute.Flows.Files;

namespace SymmetryExplorer.Compute.Tests.Flows;

public sealed class FlowFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symx-flowfiles-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private string Write(string name, byte[] bytes)
    {
        File.WriteAllBytes(PathOf(name), bytes);
        return PathOf(name);
    }

    [Fact]
    public void A_saved_set_loads_back_bit_for_bit_and_inspects_as_float32()
    {
        var data = new FlowData(NpyTestFiles.Ramp(3 * 14 * 2 * 8 * 8), 3, 14, 8, 8);
        string path = PathOf("set.npy");

        FlowFiles.SaveNpy(path, data);
        var info = FlowFiles.Inspect(path);
        var back = FlowFiles.Load(path);

        Assert.Empty(info.Problems);
        Assert.Equal(("npy", "float32", 3, 14, 8, 8), (info.Format, info.Dtype, info.Simulations, info.Frames, info.Height, info.Width));
        Assert.Equal(new long[] { 3, 14, 2, 8, 8 }, info.Shape);
        Assert.Equal(data.Values, back.Values);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Float64_in_either_byte_order_and_rank_4_is_one_simulation(bool bigEndian)
    {
        var values = NpyTestFiles.Ramp(13 * 2 * 8 * 8).Select(v => (double)v).ToArray();
        string path = Write("one.npy", NpyTestFiles.Build(bigEndian ? ">f8" : "<f8", [13, 2, 8, 8], NpyTestFiles.Float64(values, bigEndian)));

        var data = FlowFiles.Load(path);

        Assert.Equal((1, 13, 8, 8), (data.Simulations, data.Frames, data.Height, data.Width));
        Assert.Equal(values.Select(v => (float)v), data.Values);
        Assert.Equal("float64", FlowFiles.Inspect(path).Dtype);
    }

    [Fact]
    public void Npz_picks_the_only_array_or_the_one_named_velocity_and_reads_deflated_entries()
    {
        var values = NpyTestFiles.Ramp(2 * 12 * 2 * 8 * 8);
        var npy = NpyTestFiles.Build("<f4", [2, 12, 2, 8, 8], NpyTestFiles.Float32(values));
        string path = PathOf("several.npz");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var (name, bytes) in new[] { ("times", NpyTestFiles.Build("<f8", [12], new byte[96])), ("velocity", npy) })
            {
                using var s = zip.CreateEntry(name + ".npy", CompressionLevel.Optimal).Open();
                s.Write(bytes);
            }
        }

        var info = FlowFiles.Inspect(path);
        var data = FlowFiles.Load(path);

        Assert.Equal(("npz", "velocity"), (info.Format, info.ArrayName));
        Assert.Equal(values, data.Values);
        Assert.Contains("no array named 'speed'", FlowFiles.Inspect(path, "speed").Problems[0]);
    }

    [Fact]
    public void Npz_with_several_unnamed_arrays_asks_which_one()
    {
        string path = PathOf("ambiguous.npz");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (string name in new[] { "a", "b" })
            {
                using var s = zip.CreateEntry(name + ".npy").Open();
                s.Write(NpyTestFiles.Build("<f4", [12, 2, 8, 8], new byte[12 * 2 * 8 * 8 * 4]));
            }
        }
        var problem = Assert.Single(FlowFiles.Inspect(path).Problems);
        Assert.Contains("several arrays (a, b)", problem);
    }

    [Fact]
    public void H5_reads_a_rank_5_float_dataset_and_rejects_integers()
    {
        var values = NpyTestFiles.Ramp(2 * 12 * 2 * 8 * 8);
        string good = PathOf("flow.h5");
        new H5File
        {
            ["meta"] = new H5Dataset(new[] { 1.0, 2.0 }),
            ["velocity"] = new H5Dataset(values, fileDims: [2, 12, 2, 8, 8]),
        }.Write(good);
        string ints = PathOf("ints.h5");
        new H5File { ["velocity"] = new H5Dataset(new int[12 * 2 * 8 * 8], fileDims: [12, 2, 8, 8]) }.Write(ints);

        var data = FlowFiles.Load(good);

        Assert.Equal((2, 12), (data.Simulations, data.Frames));
        Assert.Equal(values, data.Values);
        Assert.Equal("velocity", FlowFiles.Inspect(good).ArrayName);
        Assert.Contains("int32 values; flows must be float32 or float64", FlowFiles.Inspect(ints).Problems[0]);
    }

    [Fact]
    public void Each_kind_of_bad_file_gets_its_own_specific_reason()
    {
        var ok = NpyTestFiles.Build("<f4", [12, 2, 8, 8], new byte[12 * 2 * 8 * 8 * 4]);
        var nan = NpyTestFiles.Ramp(2 * 12 * 2 * 8 * 8);
        nan[1 * 12 * 128 + 3 * 128 + 64 + 2 * 8 + 5] = float.NaN; // simulation 1, frame 3, vy, row 2, column 5
        var cases = new (string File, byte[] Bytes, string Expected)[]
        {
            ("text.npy", "x,y\n1,2\n"u8.ToArray(), "not a NumPy .npy file"),
            ("cut.npy", ok[..(ok.Length - 100)], "truncated: the header promises 1,536 values"),
            ("ints.npy", NpyTestFiles.Build("<i8", [12, 2, 8, 8], new byte[12 * 2 * 8 * 8 * 8]), "int64 values; flows must be float32 or float64"),
            ("rank3.npy", NpyTestFiles.Build("<f4", [12, 8, 8], new byte[12 * 8 * 8 * 4]), "shape (12, 8, 8) (rank 3)"),
            ("three.npy", NpyTestFiles.Build("<f4", [12, 3, 8, 8], new byte[12 * 3 * 8 * 8 * 4]), "has size 3; it must be 2"),
            ("nan.npy", NpyTestFiles.Build("<f4", [2, 12, 2, 8, 8], NpyTestFiles.Float32(nan)), "NaN values (first at simulation 1, frame 3, vy, row 2, column 5)"),
            ("short.npy", NpyTestFiles.Build("<f4", [5, 2, 8, 8], new byte[5 * 2 * 8 * 8 * 4]), "5 frames per simulation; at least 12"),
            ("tiny.npy", NpyTestFiles.Build("<f4", [12, 2, 4, 4], new byte[12 * 2 * 4 * 4 * 4]), "grid is 4 x 4"),
            ("fortran.npy", NpyTestFiles.Build("<f4", [12, 2, 8, 8], new byte[12 * 2 * 8 * 8 * 4], fortran: true), "Fortran order"),
            ("empty.npy", [], "the file is empty"),
            ("flow.csv", "a,b\n"u8.ToArray(), "files of type '.csv' are not flow files"),
            ("junk.npz", "not a zip"u8.ToArray(), "not a valid .npz (zip) archive"),
            ("junk.h5", "not hdf5 at all, just text"u8.ToArray(), "not a readable HDF5 file"),
        };
        foreach (var (file, bytes, expected) in cases)
        {
            string path = Write(file, bytes);
            var info = FlowFiles.Inspect(path);
            Assert.True(info.Problems.Count > 0, $"{file} should have a problem");
            Assert.Contains(expected, info.Problems[0]);
            var ex = Assert.Throws<InvalidInputException>(() => FlowFiles.Load(path));
            Assert.StartsWith($"Flow file '{file}': ", ex.Message);
            Assert.Equal("dataset", ex.Field);
        }
        Assert.Contains("does not exist", FlowFiles.Inspect(PathOf("missing.npy")).Problems[0]);
    }
}
