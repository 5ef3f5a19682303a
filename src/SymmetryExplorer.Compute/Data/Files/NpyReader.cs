using System.Buffers.Binary;
using System.Text;

namespace SymmetryExplorer.Compute.Data.Files;

/// <summary>
/// Reads NumPy .npy arrays (format versions 1-3) of float, integer or bool dtype, either byte order,
/// C or Fortran order. Object (pickle) arrays are refused: unpickling runs code. Every defect is an
/// <see cref="InvalidInputException"/> naming the file and what to fix.
/// </summary>
public static class NpyReader
{
    public static NdArray Read(string path)
    {
        using var stream = OpenForRead(path);
        return Read(stream, Path.GetFileName(path), stream.Length);
    }

    /// <param name="stream">Positioned at the magic string.</param>
    /// <param name="source">Name used in messages.</param>
    /// <param name="length">Bytes available from the current position, when known (for truncation checks).</param>
    public static NdArray Read(Stream stream, string source, long? length = null)
    {
        var header = ReadHeader(stream, source, out int headerBytes);
        long count = 1;
        foreach (int d in header.Shape) count *= d;
        long dataBytes = count * header.Type.Size;
        if (count > Array.MaxLength)
            throw new InvalidInputException($"{source}: the array has {count:N0} values, more than one array can hold here.", "file");
        if (length is { } total && total - headerBytes < dataBytes)
            throw new InvalidInputException($"{source}: the file is truncated: shape ({string.Join(", ", header.Shape)}) needs {dataBytes:N0} data bytes but only {Math.Max(0, total - headerBytes):N0} are present.", "file");

        var raw = new byte[dataBytes];
        int read = ReadFully(stream, raw);
        if (read < raw.Length)
            throw new InvalidInputException($"{source}: the file is truncated: shape ({string.Join(", ", header.Shape)}) needs {dataBytes:N0} data bytes but only {read:N0} are present.", "file");

        var values = Decode(raw, header.Type, (int)count);
        if (header.FortranOrder && header.Shape.Length > 1) values = FortranToC(values, header.Shape);
        return new NdArray(values, header.Shape, header.Type.Name);
    }

    /// <summary>Reads only the header: dtype and shape, without the data (for quick inspection of large files).</summary>
    public static (string DType, int[] Shape) ReadShape(string path)
    {
        using var stream = OpenForRead(path);
        var header = ReadHeader(stream, Path.GetFileName(path), out _);
        return (header.Type.Name, header.Shape);
    }

    internal static NpyFormat.Header ReadHeader(Stream stream, string source, out int headerBytes)
    {
        Span<byte> prefix = stackalloc byte[8];
        if (ReadFully(stream, prefix) < 8 || !prefix[..6].SequenceEqual(NpyFormat.Magic))
            throw new InvalidInputException($"{source}: not a NumPy .npy file (the magic string \\x93NUMPY is missing). Save arrays with numpy.save.", "file");
        byte major = prefix[6];
        int headerLength;
        int lengthBytes;
        if (major == 1)
        {
            Span<byte> b = stackalloc byte[2];
            if (ReadFully(stream, b) < 2) throw Truncated(source);
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(b);
            lengthBytes = 2;
        }
        else if (major is 2 or 3)
        {
            Span<byte> b = stackalloc byte[4];
            if (ReadFully(stream, b) < 4) throw Truncated(source);
            uint l = BinaryPrimitives.ReadUInt32LittleEndian(b);
            if (l > 1 << 20) throw new InvalidInputException($"{source}: the .npy header claims {l} bytes; the file is corrupt.", "file");
            headerLength = (int)l;
            lengthBytes = 4;
        }
        else
        {
            throw new InvalidInputException($"{source}: .npy format version {major}.{prefix[7]} is not supported (1.0-3.0 are).", "file");
        }
        var headerRaw = new byte[headerLength];
        if (ReadFully(stream, headerRaw) < headerLength) throw Truncated(source);
        string text = major == 3 ? Encoding.UTF8.GetString(headerRaw) : Encoding.Latin1.GetString(headerRaw);
        headerBytes = 8 + lengthBytes + headerLength;
        return NpyFormat.ParseHeader(text, source);
    }

    private static InvalidInputException Truncated(string source) =>
        new($"{source}: the file is truncated inside its .npy header.", "file");

    private static FileStream OpenForRead(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidInputException($"File not found: {path}", "file", ex);
        }
    }

    internal static int ReadFully(Stream stream, Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = stream.Read(buffer[total..]);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    private static double[] Decode(byte[] raw, NpyFormat.ElementType type, int count)
    {
        var values = new double[count];
        var span = raw.AsSpan();
        bool swap = type.BigEndian == BitConverter.IsLittleEndian;
        if (swap && type.Size > 1)
        {
            for (int i = 0; i < count; i++) span.Slice(i * type.Size, type.Size).Reverse();
        }
        switch (type.Name)
        {
            case "float64":
                for (int i = 0; i < count; i++) values[i] = BitConverter.ToDouble(span.Slice(i * 8, 8));
                break;
            case "float32":
                for (int i = 0; i < count; i++) values[i] = BitConverter.ToSingle(span.Slice(i * 4, 4));
                break;
            case "float16":
                for (int i = 0; i < count; i++) values[i] = (double)BitConverter.ToHalf(span.Slice(i * 2, 2));
                break;
            case "int64":
                for (int i = 0; i < count; i++) values[i] = BitConverter.ToInt64(span.Slice(i * 8, 8));
                break;
            case "int32":
                for (int i = 0; i < count; i++) values[i] = BitConverter.ToInt32(span.Slice(i * 4, 4));
                break;
            case "int16":
                for (int i = 0; i < count; i++) values[i] = BitConverter.ToInt16(span.Slice(i * 2, 2));
                break;
            case "int8":
                for (int i = 0; i < count; i++) values[i] = (sbyte)raw[i];
                break;
            case "uint64":
                for (int i = 0; i < count; i++) values[i] = BitConverter.ToUInt64(span.Slice(i * 8, 8));
                break;
            case "uint32":
                for (int i = 0; i < count; i++) values[i] = BitConverter.ToUInt32(span.Slice(i * 4, 4));
                break;
            case "uint16":
                for (int i = 0; i < count; i++) values[i] = BitConverter.ToUInt16(span.Slice(i * 2, 2));
                break;
            case "uint8":
            case "bool":
                for (int i = 0; i < count; i++) values[i] = raw[i];
                break;
            default:
                throw new InvalidOperationException($"decoder missing for {type.Name}");
        }
        return values;
    }

    /// <summary>Reorders column-major values into row-major order.</summary>
    private static double[] FortranToC(double[] fortran, int[] shape)
    {
        var c = new double[fortran.Length];
        int rank = shape.Length;
        var index = new int[rank];
        for (int flatC = 0; flatC < c.Length; flatC++)
        {
            int flatF = 0, stride = 1;
            for (int k = 0; k < rank; k++)
            {
                flatF += index[k] * stride;
                stride *= shape[k];
            }
            c[flatC] = fortran[flatF];
            for (int k = rank - 1; k >= 0; k--)
            {
                if (++index[k] < shape[k]) break;
                index[k] = 0;
            }
        }
        return c;
    }
}
