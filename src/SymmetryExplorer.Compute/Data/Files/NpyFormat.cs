using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SymmetryExplorer.Compute.Data.Files;

/// <summary>
/// NumPy's .npy header: magic, version, and the Python-literal dictionary with descr,
/// fortran_order and shape. Shared by the reader and the writer so both agree on the format
/// (https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html).
/// </summary>
internal static partial class NpyFormat
{
    public static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>An element type this code can read: its NumPy name, size and byte order.</summary>
    public sealed record ElementType(string Name, char Kind, int Size, bool BigEndian);

    public sealed record Header(ElementType Type, bool FortranOrder, int[] Shape);

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();

    /// <summary>Parses the header dictionary; <paramref name="source"/> names the file in messages.</summary>
    public static Header ParseHeader(string text, string source)
    {
        var descr = DescrPattern().Match(text);
        if (!descr.Success)
        {
            if (text.Contains("'descr': [", StringComparison.Ordinal) || text.Contains("'descr':[", StringComparison.Ordinal))
                throw new InvalidInputException($"{source}: structured (record) arrays are not supported; save a plain float array of shape (N, T, F).", "file");
            throw new InvalidInputException($"{source}: the .npy header has no 'descr' entry; the file is not a valid NumPy array.", "file");
        }
        var fortran = FortranPattern().Match(text);
        var shape = ShapePattern().Match(text);
        if (!fortran.Success || !shape.Success)
            throw new InvalidInputException($"{source}: the .npy header lacks 'fortran_order' or 'shape'; the file is not a valid NumPy array.", "file");

        var dims = new List<int>();
        foreach (string part in shape.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string digits = part.TrimEnd('L');
            if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long d) || d > int.MaxValue)
                throw new InvalidInputException($"{source}: shape entry '{part}' in the .npy header is not a valid dimension.", "file");
            dims.Add((int)d);
        }
        return new Header(ParseDescr(descr.Groups[1].Value, source), fortran.Groups[1].Value == "True", dims.ToArray());
    }

    private static ElementType ParseDescr(string descr, string source)
    {
        if (descr.Length < 2) throw Unsupported(descr, source);
        char order = descr[0];
        char kind = descr[1];
        if (kind == 'O')
            throw new InvalidInputException($"{source}: the array holds Python objects (dtype 'O', pickled data); these are refused for safety. Save it as a float array with numpy.asarray(x, dtype=float).", "file");
        if (!int.TryParse(descr.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out int size)) throw Unsupported(descr, source);
        bool big = order == '>' || (order == '=' && !BitConverter.IsLittleEndian);
        string? name = (kind, size) switch
        {
            ('f', 8) => "float64",
            ('f', 4) => "float32",
            ('f', 2) => "float16",
            ('i', 8) => "int64",
            ('i', 4) => "int32",
            ('i', 2) => "int16",
            ('i', 1) => "int8",
            ('u', 8) => "uint64",
            ('u', 4) => "uint32",
            ('u', 2) => "uint16",
            ('u', 1) => "uint8",
            ('b', 1) => "bool",
            _ => null,
        };
        if (name is null) throw Unsupported(descr, source);
        return new ElementType(name, kind, size, big);
    }

    private static InvalidInputException Unsupported(string descr, string source) =>
        new($"{source}: unsupported dtype '{descr}'. Use float32 or float64 (integers and bool are accepted for labels).", "file");

    public static string DescrFor(string dtype) => dtype switch
    {
        "float64" => "<f8",
        "float32" => "<f4",
        "int64" => "<i8",
        "int32" => "<i4",
        _ => throw new ArgumentException($"NpyWriter writes float64, float32, int64 or int32, not {dtype}"),
    };

    /// <summary>Builds a version-1.0 header padded so the data start on a 64-byte boundary, as NumPy does.</summary>
    public static byte[] BuildHeader(string dtype, int[] shape)
    {
        string shapeText = shape.Length == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape) + ")";
        string dict = $"{{'descr': '{DescrFor(dtype)}', 'fortran_order': False, 'shape': {shapeText}, }}";
        int unpadded = Magic.Length + 2 + 2 + dict.Length + 1;
        int padding = (64 - unpadded % 64) % 64;
        string text = dict + new string(' ', padding) + "\n";
        var bytes = new byte[Magic.Length + 4 + text.Length];
        Magic.CopyTo(bytes, 0);
        bytes[6] = 1;
        bytes[7] = 0;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8, 2), (ushort)text.Length);
        Encoding.ASCII.GetBytes(text).CopyTo(bytes, 10);
        return bytes;
    }
}
