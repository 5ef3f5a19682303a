using System.IO.Compression;

namespace SymmetryExplorer.Compute.Data.Files;

/// <summary>
/// NumPy .npz archives: a zip of .npy members (stored by numpy.savez, deflated by savez_compressed).
/// </summary>
public static class NpzArchive
{
    /// <summary>Names of the arrays in the archive (member names without ".npy").</summary>
    public static IReadOnlyList<string> List(string path)
    {
        using var zip = Open(path);
        return zip.Entries.Where(e => e.FullName.EndsWith(".npy", StringComparison.Ordinal))
            .Select(e => e.FullName[..^4]).ToList();
    }

    /// <summary>
    /// Reads one array. With no <paramref name="name"/> the archive must hold exactly one array,
    /// or one of the conventional names (coords, data, x, arr_0) is taken.
    /// </summary>
    public static NdArray Read(string path, string? name = null)
    {
        using var zip = Open(path);
        var members = zip.Entries.Where(e => e.FullName.EndsWith(".npy", StringComparison.Ordinal)).ToList();
        string file = Path.GetFileName(path);
        if (members.Count == 0)
            throw new InvalidInputException($"{file}: the .npz archive holds no .npy arrays.", "file");
        ZipArchiveEntry? entry;
        if (name is not null)
        {
            entry = members.FirstOrDefault(e => e.FullName == name + ".npy")
                ?? throw new InvalidInputException($"{file}: no array named '{name}' (it has {string.Join(", ", members.Select(m => m.FullName[..^4]))}).", "array");
        }
        else if (members.Count == 1)
        {
            entry = members[0];
        }
        else
        {
            entry = new[] { "coords", "data", "x", "arr_0" }
                .Select(n => members.FirstOrDefault(e => e.FullName == n + ".npy")).FirstOrDefault(e => e is not null)
                ?? throw new InvalidInputException($"{file}: the archive holds several arrays ({string.Join(", ", members.Select(m => m.FullName[..^4]))}); say which one to use.", "array");
        }
        try
        {
            using var stream = entry.Open();
            return NpyReader.Read(stream, $"{file}:{entry.FullName}", entry.Length);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidInputException($"{file}: member {entry.FullName} is corrupt ({ex.Message}).", "file", ex);
        }
    }

    public static void Write(string path, IReadOnlyDictionary<string, NdArray> arrays, bool compress = false)
    {
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
        foreach (var (name, array) in arrays)
        {
            var entry = zip.CreateEntry(name + ".npy", compress ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
            using var s = entry.Open();
            NpyWriter.Write(s, array);
        }
    }

    private static ZipArchive Open(string path)
    {
        string file = Path.GetFileName(path);
        if (!File.Exists(path)) throw new InvalidInputException($"File not found: {path}", "file");
        try
        {
            return ZipFile.OpenRead(path);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidInputException($"{file}: not a valid .npz (zip) archive: {ex.Message} Save with numpy.savez.", "file", ex);
        }
    }
}
