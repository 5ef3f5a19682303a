using System.Buffers.Binary;

namespace SymmetryExplorer.Compute.Data.Files;

/// <summary>Writes NumPy .npy files (version 1.0, little-endian, C order) that numpy.load reads.</summary>
public static class NpyWriter
{
    /// <param name="dtype">float64 (default), float32, int64 or int32.</param>
    public static void Write(string path, NdArray array, string? dtype = null)
    {
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(stream, array, dtype);
    }

    public static void Write(Stream stream, NdArray array, string? dtype = null)
    {
        string type = dtype ?? (array.DType is "float32" or "int64" or "int32" ? array.DType : "float64");
        stream.Write(NpyFormat.BuildHeader(type, array.Shape));
        int size = type is "float64" or "int64" ? 8 : 4;
        var buffer = new byte[Math.Min(array.Data.Length, 8192) * size];
        int filled = 0;
        foreach (double v in array.Data)
        {
            var slot = buffer.AsSpan(filled, size);
            switch (type)
            {
                case "float64": BinaryPrimitives.WriteDoubleLittleEndian(slot, v); break;
                case "float32": BinaryPrimitives.WriteSingleLittleEndian(slot, (float)v); break;
                case "int64": BinaryPrimitives.WriteInt64LittleEndian(slot, checked((long)v)); break;
                default: BinaryPrimitives.WriteInt32LittleEndian(slot, checked((int)v)); break;
            }
            filled += size;
            if (filled == buffer.Length)
            {
                stream.Write(buffer, 0, filled);
                filled = 0;
            }
        }
        stream.Write(buffer, 0, filled);
    }
}
