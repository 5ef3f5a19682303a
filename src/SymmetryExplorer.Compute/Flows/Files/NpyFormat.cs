using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SymmetryExplorer.Compute.Flows.Files;

/// <summary>
/// The NumPy .npy format (versions 1-3): a magic string, a Python-dict header with <c>descr</c>,
/// <c>fortran_order</c> and <c>shape</c>, then the raw values. Only what flows need: little- or
/// big-endian float32 / float64 in C order. Kept self-contained here; it may later be unified with
/// the trajectory readers of the LieGAN engine.
/// </summary>
internal static partial class NpyFormat
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public sealed record Header(string Descr, bool FortranOrder, long[] Shape)
    {
        public long Count => Shape.Aggregate(1L, (a, b) => a * b);
    }

    /// <summary>Reads and parses the header, leaving the stream at the first value.</summary>
    /// <exception cref="InvalidDataException">A message saying what is wrong with the header.</exception>
    public static Header ReadHeader(Stream stream)
    {
        var start = new byte[8];
        int got = ReadFully(stream, start);
        if (got < 6 || !start.AsSpan(0, 6).SequenceEqual(Magic))
            throw new InvalidDataException("not a NumPy .npy file (it does not start with the \\x93NUMPY magic)");
        if (got < 8) throw new InvalidDataException("truncated inside the .npy header");
        int major = start[6];
        int lengthBytes = major == 1 ? 2 : major is 2 or 3 ? 4 : throw new InvalidDataException($".npy format version {major} is not supported (1, 2 or 3)");
        var lengthField = new byte[lengthBytes];
        if (ReadFully(stream, lengthField) < lengthBytes) throw new InvalidDataException("truncated inside the .npy header");
        long headerLength = lengthBytes == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(lengthField) : BinaryPrimitives.ReadUInt32LittleEndian(lengthField);
        if (headerLength > 1 << 20) throw new InvalidDataException("the .npy header is implausibly long (damaged file?)");
        var headerBytes = new byte[headerLength];
        if (ReadFully(stream, headerBytes) < headerLength) throw new InvalidDataException("truncated inside the .npy header");
        string text = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(headerBytes);
        return ParseHeader(text);
    }

    internal static Header ParseHeader(string text)
    {
        var descr = DescrPattern().Match(text);
        var fortran = FortranPattern().Match(text);
        var shape = ShapePattern().Match(text);
        if (!descr.Success || !fortran.Success || !shape.Success)
            throw new InvalidDataException("the .npy header is malformed (descr, fortran_order or shape missing)");
        var dims = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => long.TryParse(d.TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture, out long v)
                ? v : throw new InvalidDataException($"the .npy shape entry '{d}' is not a number"))
            .ToArray();
        return new Header(descr.Groups[1].Value, fortran.Groups[1].Value == "True", dims);
    }

    /// <summary>Element size and byte order of a float descr, or null for anything else.</summary>
    public static (int Size, bool BigEndian)? FloatLayout(string descr) => descr switch
    {
        "<f4" or "|f4" or "=f4" => (4, !BitConverter.IsLittleEndian && descr[0] == '='),
        "<f8" or "|f8" or "=f8" => (8, !BitConverter.IsLittleEndian && descr[0] == '='),
        ">f4" => (4, true),
        ">f8" => (8, true),
        _ => null,
    };

    /// <summary>A person's name for a descr: float16, int64, complex128, ...</summary>
    public static string DescribeDescr(string descr)
    {
        if (descr.Length < 3) return descr;
        string size = descr[2..];
        return descr[1] switch
        {
            'f' => int.TryParse(size, out int f) ? $"float{f * 8}" : descr,
            'i' => int.TryParse(size, out int i) ? $"int{i * 8}" : descr,
            'u' => int.TryParse(size, out int u) ? $"uint{u * 8}" : descr,
            'c' => int.TryParse(size, out int c) ? $"complex{c * 8}" : descr,
            'b' => "bool",
            'U' or 'S' => "text",
            'O' => "Python objects",
            _ => descr,
        };
    }

    /// <summary>Writes a float32 C-order array (version 1.0 header padded to 64 bytes).</summary>
    public static void WriteFloat32(Stream stream, ReadOnlySpan<float> values, IReadOnlyList<long> shape)
    {
        string dims = shape.Count == 1 ? $"{shape[0]}," : string.Join(", ", shape);
        string dict = $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({dims}), }}";
        int total = Magic.Length + 2 + 2 + dict.Length + 1;
        int padded = (total + 63) / 64 * 64;
        string header = dict + new string(' ', padded - total) + "\n";
        stream.Write(Magic);
        stream.Write([1, 0]);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)header.Length);
        stream.Write(length);
        stream.Write(Encoding.Latin1.GetBytes(header));
        var buffer = new byte[1 << 16];
        for (int offset = 0; offset < values.Length; offset += buffer.Length / 4)
        {
            int count = Math.Min(buffer.Length / 4, values.Length - offset);
            for (int i = 0; i < count; i++) BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(i * 4), values[offset + i]);
            stream.Write(buffer, 0, count * 4);
        }
    }

    public static int ReadFully(Stream stream, Span<byte> buffer)
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

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
