using System.Buffers.Binary;
using System.IO.Compression;
using PureHDF;

namespace SymmetryExplorer.Compute.Flows.Files;

/// <summary>
/// Reads the float array inside a .npy / .npz / .h5 flow file into float32, converting float64 and
/// byte order. Format errors throw <see cref="InvalidDataException"/> whose message completes the
/// sentence "Flow file 'name': ...". Shape and value checks are <see cref="FlowFiles"/>' job.
/// </summary>
internal static class FlowFileReader
{
    /// <summary>Array names tried, in order, when an archive holds several arrays.</summary>
    public static readonly string[] PreferredNames = ["velocity", "velocities", "flow", "flows", "data", "v", "u"];

    public sealed record RawArray(string Format, string? Name, long[] Shape, string Dtype, float[] Values);

    public static RawArray Read(string path, string? arrayName)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".npy" => ReadNpyFile(path),
            ".npz" => ReadNpz(path, arrayName),
            ".h5" or ".hdf5" or ".hdf" => ReadH5(path, arrayName),
            _ => throw new InvalidDataException($"files of type '{ext}' are not flow files; use .npy, .npz or .h5"),
        };
    }

    private static RawArray ReadNpyFile(string path)
    {
        using var stream = File.OpenRead(path);
        var header = NpyFormat.ReadHeader(stream);
        return ReadNpyBody(stream, header, "npy", null, stream.Length - stream.Position);
    }

    private static RawArray ReadNpyBody(Stream stream, NpyFormat.Header header, string format, string? name, long? bytesLeft)
    {
        string dtype = NpyFormat.DescribeDescr(header.Descr);
        var layout = NpyFormat.FloatLayout(header.Descr)
                     ?? throw new InvalidDataException($"it holds {dtype} values; flows must be float32 or float64");
        if (header.FortranOrder)
            throw new InvalidDataException("the array is stored in Fortran order; save it in C order (numpy.ascontiguousarray) first");
        if (header.Shape.Any(d => d < 0)) throw new InvalidDataException("its shape has a negative dimension");
        long needed = header.Count * layout.Size;
        if (bytesLeft is { } left && left < needed)
            throw new InvalidDataException($"it is truncated: the header promises {header.Count:N0} values ({needed:N0} bytes) but only {left:N0} bytes follow");
        if (header.Count > int.MaxValue) throw new InvalidDataException($"it holds {header.Count:N0} values, more than one flow set can hold");
        var values = new float[header.Count];
        var buffer = new byte[1 << 16];
        long index = 0;
        while (index < values.Length)
        {
            int want = (int)Math.Min(buffer.Length / layout.Size, values.Length - index) * layout.Size;
            int got = NpyFormat.ReadFully(stream, buffer.AsSpan(0, want));
            if (got < want)
                throw new InvalidDataException($"it is truncated: the header promises {header.Count:N0} values but the data end after {index + got / layout.Size:N0}");
            for (int off = 0; off < got; off += layout.Size, index++)
            {
                var b = buffer.AsSpan(off, layout.Size);
                values[index] = layout.Size == 4
                    ? (layout.BigEndian ? BinaryPrimitives.ReadSingleBigEndian(b) : BinaryPrimitives.ReadSingleLittleEndian(b))
                    : (float)(layout.BigEndian ? BinaryPrimitives.ReadDoubleBigEndian(b) : BinaryPrimitives.ReadDoubleLittleEndian(b));
            }
        }
        return new RawArray(format, name, header.Shape, dtype, values);
    }

    private static RawArray ReadNpz(string path, string? arrayName)
    {
        ZipArchive zip;
        try { zip = ZipFile.OpenRead(path); }
        catch (InvalidDataException) { throw new InvalidDataException("it is not a valid .npz (zip) archive"); }
        using (zip)
        {
            var arrays = zip.Entries.Where(e => e.FullName.EndsWith(".npy", StringComparison.OrdinalIgnoreCase)).ToArray();
            if (arrays.Length == 0) throw new InvalidDataException("the .npz archive holds no .npy arrays");
            string Name(ZipArchiveEntry e) => e.FullName[..^4];
            var entry = Choose(arrays, Name, arrayName);
            try
            {
                // Deflated entries cannot seek: truncation shows up while reading the values.
                using var stream = entry.Open();
                var header = NpyFormat.ReadHeader(stream);
                return ReadNpyBody(stream, header, "npz", Name(entry), null);
            }
            catch (InvalidDataException ex) when (!ex.Message.StartsWith("array '", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"array '{Name(entry)}': {ex.Message}", ex);
            }
        }
    }

    private static RawArray ReadH5(string path, string? arrayName)
    {
        IDisposable? file = null;
        try
        {
            var h5 = H5File.OpenRead(path);
            file = h5;
            var datasets = new List<(string Name, IH5Dataset Dataset)>();
            Collect(h5, "", datasets);
            if (datasets.Count == 0) throw new InvalidDataException("the HDF5 file holds no datasets");
            var candidates = arrayName is null
                ? datasets.Where(d => d.Dataset.Space.Dimensions.Length is 4 or 5).ToArray()
                : datasets.ToArray();
            if (candidates.Length == 0)
                throw new InvalidDataException($"no dataset has rank 4 or 5 (found {string.Join(", ", datasets.Select(d => $"{d.Name} {FormatShape(d.Dataset.Space.Dimensions)}"))}); flows must be (S, T, 2, H, W) or (T, 2, H, W)");
            var (name, dataset) = Choose(candidates, d => d.Name, arrayName);
            long[] shape = dataset.Space.Dimensions.Select(d => (long)d).ToArray();
            var type = dataset.Type;
            bool isFloat = type.Class == H5DataTypeClass.FloatingPoint && type.Size is 4 or 8;
            string dtype = type.Class switch
            {
                H5DataTypeClass.FloatingPoint => $"float{type.Size * 8}",
                H5DataTypeClass.FixedPoint => $"int{type.Size * 8}",
                _ => type.Class.ToString().ToLowerInvariant(),
            };
            if (!isFloat) throw new InvalidDataException($"dataset '{name}' holds {dtype} values; flows must be float32 or float64");
            long count = shape.Aggregate(1L, (a, b) => a * b);
            if (count > int.MaxValue) throw new InvalidDataException($"dataset '{name}' holds {count:N0} values, more than one flow set can hold");
            float[] values = type.Size == 4 ? dataset.Read<float[]>() : Array.ConvertAll(dataset.Read<double[]>(), v => (float)v);
            return new RawArray("h5", name, shape, dtype, values);
        }
        catch (InvalidDataException) { throw; }
        catch (Exception ex) when (file is null)
        {
            throw new InvalidDataException($"it is not a readable HDF5 file ({ex.Message})", ex);
        }
        catch (Exception ex)
        {
            throw new InvalidDataException($"the HDF5 data could not be read; the file may be truncated or damaged ({ex.Message})", ex);
        }
        finally
        {
            file?.Dispose();
        }
    }

    private static void Collect(IH5Group group, string prefix, List<(string, IH5Dataset)> into)
    {
        foreach (var child in group.Children())
        {
            string name = prefix.Length == 0 ? child.Name : $"{prefix}/{child.Name}";
            if (child is IH5Dataset ds) into.Add((name, ds));
            else if (child is IH5Group sub) Collect(sub, name, into);
        }
    }

    /// <summary>The named array, else the only one, else the first preferred name present.</summary>
    private static T Choose<T>(IReadOnlyList<T> items, Func<T, string> name, string? wanted)
    {
        if (wanted is not null)
        {
            return items.FirstOrDefault(i => name(i) == wanted)
                   ?? throw new InvalidDataException($"it has no array named '{wanted}' (it has {string.Join(", ", items.Select(name))})");
        }
        if (items.Count == 1) return items[0];
        foreach (string preferred in PreferredNames)
        {
            var hit = items.FirstOrDefault(i => string.Equals(name(i), preferred, StringComparison.OrdinalIgnoreCase));
            if (hit is not null) return hit;
        }
        throw new InvalidDataException(
            $"it holds several arrays ({string.Join(", ", items.Select(name))}); name the flow array 'velocity' or choose one explicitly");
    }

    public static string FormatShape(IEnumerable<ulong> dims) => "(" + string.Join(", ", dims) + ")";
}
