using System.Buffers.Binary;
using System.Text;
using SymmetryExplorer.Compute.Data.Files;
using SymmetryExplorer.Compute.Data.Trajectories;

namespace SymmetryExplorer.Compute.Tests.Data;

public class NpyFileTests
{
    /// <summary>Builds a .npy file by hand (independently of NpyWriter) with any header and payload.</summary>
    internal static byte[] Npy(string dict, byte[] payload, byte major = 1)
    {
        string header = dict;
        int prefix = major == 1 ? 10 : 12;
        header += new string(' ', (64 - (prefix + header.Length + 1) % 64) % 64) + "\n";
        var bytes = new List<byte> { 0x93 };
        bytes.AddRange(Encoding.ASCII.GetBytes("NUMPY"));
        bytes.Add(major);
        bytes.Add(0);
        if (major == 1) bytes.AddRange(BitConverter.GetBytes((ushort)header.Length));
        else bytes.AddRange(BitConverter.GetBytes((uint)header.Length));
        bytes.AddRange(Encoding.ASCII.GetBytes(header));
        bytes.AddRange(payload);
        return bytes.ToArray();
    }

    private static byte[] Doubles(params double[] v) => v.SelectMany(BitConverter.GetBytes).ToArray();

    [Fact]
    public void Reads_a_handmade_float64_array_in_c_order()
    {
        using var tmp = new TempFiles();
        var path = tmp.Write("a.npy", Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }", Doubles(1, 2, 3, 4, 5, 6)));

        var a = NpyReader.Read(path);

        Assert.Equal([2, 3], a.Shape);
        Assert.Equal("float64", a.DType);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], a.Data);
    }

    [Fact]
    public void Reads_fortran_order_big_endian_float32_and_version_2_headers()
    {
        using var tmp = new TempFiles();
        // Fortran order: column-major payload of [[1, 2, 3], [4, 5, 6]] is 1, 4, 2, 5, 3, 6.
        var payload = new[] { 1f, 4, 2, 5, 3, 6 }.SelectMany(v =>
        {
            var b = new byte[4];
            BinaryPrimitives.WriteSingleBigEndian(b, v);
            return b;
        }).ToArray();
        var path = tmp.Write("f.npy", Npy("{'descr': '>f4', 'fortran_order': True, 'shape': (2, 3), }", payload, major: 2));

        var a = NpyReader.Read(path);

        Assert.Equal("float32", a.DType);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], a.Data);
    }

    [Fact]
    public void Writer_output_round_trips_and_has_numpys_aligned_header()
    {
        using var tmp = new TempFiles();
        var array = new NdArray([0.5, -1.25, 3, 1e-300, double.MaxValue, 7], [1, 3, 2]);
        string path = tmp.PathOf("w.npy");

        NpyWriter.Write(path, array);
        var bytes = File.ReadAllBytes(path);
        var back = NpyReader.Read(path);

        int headerLength = BitConverter.ToUInt16(bytes, 8);
        Assert.Equal(0, (10 + headerLength) % 64);
        Assert.Contains("'shape': (1, 3, 2)", Encoding.ASCII.GetString(bytes, 10, headerLength));
        Assert.Equal(array.Data, back.Data);
        Assert.Equal(array.Shape, back.Shape);
    }

    [Fact]
    public void Float32_writer_rounds_to_single_precision()
    {
        using var tmp = new TempFiles();
        string path = tmp.PathOf("s.npy");
        NpyWriter.Write(path, new NdArray([0.1, 0.2], [2]), "float32");

        var back = NpyReader.Read(path);

        Assert.Equal("float32", back.DType);
        Assert.Equal((double)0.1f, back.Data[0]);
    }

    [Fact]
    public void Wrong_magic_is_refused_with_a_reason()
    {
        using var tmp = new TempFiles();
        var path = tmp.Write("bad.npy", Encoding.ASCII.GetBytes("this is not numpy at all, just text"));

        var ex = Assert.Throws<InvalidInputException>(() => NpyReader.Read(path));

        Assert.Contains("not a NumPy .npy file", ex.Message);
    }

    [Fact]
    public void Truncated_data_is_refused_with_the_byte_counts()
    {
        using var tmp = new TempFiles();
        var path = tmp.Write("t.npy", Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (4, 5, 8), }", Doubles(1, 2, 3)));

        var ex = Assert.Throws<InvalidInputException>(() => NpyReader.Read(path));

        Assert.Contains("truncated", ex.Message);
        Assert.Contains("1,280", ex.Message);
    }

    [Fact]
    public void Object_arrays_are_refused_because_unpickling_runs_code()
    {
        using var tmp = new TempFiles();
        var path = tmp.Write("o.npy", Npy("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", new byte[16]));

        var ex = Assert.Throws<InvalidInputException>(() => NpyReader.Read(path));

        Assert.Contains("Python objects", ex.Message);
    }

    [Theory]
    [InlineData("<c16")]
    [InlineData("<U8")]
    [InlineData("<M8[ns]")]
    public void Unsupported_dtypes_are_named(string descr)
    {
        using var tmp = new TempFiles();
        var path = tmp.Write("c.npy", Npy($"{{'descr': '{descr}', 'fortran_order': False, 'shape': (1,), }}", new byte[16]));

        var ex = Assert.Throws<InvalidInputException>(() => NpyReader.Read(path));

        Assert.Contains("unsupported dtype", ex.Message);
    }

    [Fact]
    public void Trajectory_files_must_have_rank_three()
    {
        using var tmp = new TempFiles();
        var path = tmp.Write("r2.npy", Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }", Doubles(1, 2, 3, 4, 5, 6)));

        var ex = Assert.Throws<InvalidInputException>(() => TrajectoryFiles.Load(path));
        var info = TrajectoryFiles.Inspect(path);

        Assert.Contains("(N, T, F)", ex.Message);
        Assert.False(info.IsUsable);
        Assert.Contains("rank 2", info.Problems[0]);
    }

    [Fact]
    public void NaN_values_are_located_in_the_message()
    {
        using var tmp = new TempFiles();
        var values = Enumerable.Range(0, 2 * 4 * 8).Select(i => (double)i).ToArray();
        values[1 * 32 + 2 * 8 + 3] = double.NaN;
        var path = tmp.Write("nan.npy", Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 4, 8), }", Doubles(values)));

        var ex = Assert.Throws<InvalidInputException>(() => TrajectoryFiles.Load(path, TrajectoryLayout.TwoBody()));

        Assert.Contains("[1, 2, 3]", ex.Message);
        Assert.Contains("NaN", ex.Message);
    }

    [Fact]
    public void Too_few_samples_are_refused()
    {
        using var tmp = new TempFiles();
        var path = tmp.Write("few.npy", Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 5, 8), }", Doubles(new double[40])));

        var ex = Assert.Throws<InvalidInputException>(() => TrajectoryFiles.Load(path, TrajectoryLayout.TwoBody()));

        Assert.Contains("at least 16 are needed", ex.Message);
    }

    [Fact]
    public void A_layout_that_does_not_fit_the_feature_count_is_refused()
    {
        using var tmp = new TempFiles();
        var path = tmp.Write("f6.npy", Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (10, 5, 6), }", Doubles(new double[300])));

        var ex = Assert.Throws<InvalidInputException>(() => TrajectoryFiles.Load(path, TrajectoryLayout.TwoBody()));

        Assert.Contains("permutation has 8 entries but each frame has 6 features", ex.Message);
        Assert.Equal("permutation", ex.Field);
    }
}
