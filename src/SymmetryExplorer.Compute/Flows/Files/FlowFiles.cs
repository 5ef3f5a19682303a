namespace SymmetryExplorer.Compute.Flows.Files;

/// <summary>
/// User flow files: .npy, .npz or .h5 holding float32/float64 velocities of shape (S, T, 2, H, W)
/// or (T, 2, H, W). <see cref="Inspect"/> reports what is there and what is wrong without
/// throwing; <see cref="Load"/> returns the data or throws <see cref="InvalidInputException"/> with
/// the first problem; <see cref="SaveNpy"/> writes a set (e.g. a generated one) for storage.
/// </summary>
public static class FlowFiles
{
    public static IReadOnlyList<string> Extensions { get; } = [".npy", ".npz", ".h5", ".hdf5"];

    /// <summary>Fewest frames per simulation worth loading (10 inputs and a short rollout).</summary>
    public const int MinFrames = 12;

    /// <summary>Smallest grid side.</summary>
    public const int MinSide = 8;

    public static bool HasFlowExtension(string path) =>
        Extensions.Contains(Path.GetExtension(path).ToLowerInvariant()) || Path.GetExtension(path).Equals(".hdf", StringComparison.OrdinalIgnoreCase);

    /// <param name="path">The file.</param>
    /// <param name="arrayName">Array inside an .npz / .h5; null picks the only one or one named like 'velocity'.</param>
    public static FlowFileInfo Inspect(string path, string? arrayName = null) => Read(path, arrayName).Info;

    /// <exception cref="InvalidInputException">The file is missing, unreadable or unusable; the message says why.</exception>
    public static FlowData Load(string path, string? arrayName = null)
    {
        var (info, data) = Read(path, arrayName);
        if (!info.IsUsable || data is null)
            throw new InvalidInputException($"Flow file '{Path.GetFileName(path)}': {info.Problems[0]}.", "dataset");
        return data;
    }

    /// <summary>Writes float32 (S, T, 2, H, W) in NumPy's .npy format.</summary>
    public static void SaveNpy(string path, FlowData data)
    {
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        string temp = path + ".tmp";
        using (var stream = File.Create(temp))
            NpyFormat.WriteFloat32(stream, data.Values, data.Shape.Select(d => (long)d).ToArray());
        File.Move(temp, path, overwrite: true);
    }

    private static (FlowFileInfo Info, FlowData? Data) Read(string path, string? arrayName)
    {
        string format = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        if (!File.Exists(path))
            return (Unreadable(path, format, 0, $"the file does not exist ({Path.GetFullPath(path)})"), null);
        long size = new FileInfo(path).Length;
        if (size == 0) return (Unreadable(path, format, 0, "the file is empty"), null);

        FlowFileReader.RawArray raw;
        try
        {
            raw = FlowFileReader.Read(path, arrayName);
        }
        catch (InvalidDataException ex)
        {
            return (Unreadable(path, format, size, ex.Message), null);
        }
        catch (IOException ex)
        {
            return (Unreadable(path, format, size, $"it could not be read ({ex.Message})"), null);
        }

        var problems = new List<string>();
        long[] shape = raw.Shape;
        int s = 0, t = 0, h = 0, w = 0;
        if (shape.Length is not (4 or 5))
        {
            problems.Add($"it has shape {FlowFileReader.FormatShape(shape.Select(d => (ulong)d))} (rank {shape.Length}); flows must be (S, T, 2, H, W) or (T, 2, H, W)");
        }
        else if (shape[^3] != 2)
        {
            problems.Add($"its velocity-component axis (third from the end) has size {shape[^3]}; it must be 2 (vx, vy) in shape (S, T, 2, H, W) or (T, 2, H, W)");
        }
        else
        {
            s = shape.Length == 5 ? checked((int)shape[0]) : 1;
            t = checked((int)shape[^4]);
            h = checked((int)shape[^2]);
            w = checked((int)shape[^1]);
            if (s < 1 || t < 1) problems.Add("it holds no frames");
            else if (t < MinFrames) problems.Add($"it has {t} frames per simulation; at least {MinFrames} are needed (10 input frames plus a rollout)");
            if (h < MinSide || w < MinSide) problems.Add($"its grid is {h} x {w}; at least {MinSide} x {MinSide} is needed");
        }
        if (FirstNonFinite(raw.Values) is { } bad)
            problems.Add($"it contains {(float.IsNaN(raw.Values[bad]) ? "NaN" : "infinite")} values (first at {DescribeIndex(bad, shape)}); clean or drop those frames first");

        var info = new FlowFileInfo(path, raw.Format, raw.Name, shape, raw.Dtype, problems.Count == 0 ? s : 0, t, h, w, size, problems);
        return (info, problems.Count == 0 ? new FlowData(raw.Values, s, t, h, w) : null);
    }

    private static FlowFileInfo Unreadable(string path, string format, long size, string problem) =>
        new(path, format, null, [], null, 0, 0, 0, 0, size, [problem]);

    private static long? FirstNonFinite(float[] values)
    {
        for (long i = 0; i < values.LongLength; i++)
            if (!float.IsFinite(values[i])) return i;
        return null;
    }

    /// <summary>"simulation 2, frame 7, vy, row 3, column 5" for a flat index of a flow array.</summary>
    private static string DescribeIndex(long flat, long[] shape)
    {
        if (shape.Length is not (4 or 5)) return $"flat index {flat}";
        var idx = new long[shape.Length];
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            idx[d] = flat % Math.Max(1, shape[d]);
            flat /= Math.Max(1, shape[d]);
        }
        string sim = shape.Length == 5 ? $"simulation {idx[0]}, " : "";
        string component = idx[^3] switch { 0 => "vx", 1 => "vy", var c => $"component {c}" };
        return $"{sim}frame {idx[^4]}, {component}, row {idx[^2]}, column {idx[^1]}";
    }
}
