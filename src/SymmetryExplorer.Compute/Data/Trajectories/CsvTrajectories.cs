using System.Globalization;
using SymmetryExplorer.Compute.Data.Files;

namespace SymmetryExplorer.Compute.Data.Trajectories;

/// <summary>
/// Reads trajectories from CSV with a header row, in one of two layouts:
/// <list type="bullet">
/// <item>one row per frame: a trajectory id column (trajectory, traj, trajectory_id or id), a time
/// column (t, time, frame or step; rows are ordered by it), every other column a feature, and an
/// optional integer <c>label</c> column constant per trajectory;</item>
/// <item>one row per (x, y) pair: columns x_* (or x.*) for the input and y_* for the output; as many
/// y as x columns make a next-frame pair, one y column a scalar target, a <c>label</c> column a class.</item>
/// </list>
/// </summary>
public static class CsvTrajectories
{
    private static readonly string[] IdColumns = ["trajectory", "traj", "trajectory_id", "id"];
    private static readonly string[] TimeColumns = ["t", "time", "frame", "step"];

    public static TrajectoryArray Read(string path)
    {
        string source = Path.GetFileName(path);
        if (!File.Exists(path)) throw new InvalidInputException($"File not found: {path}", "file");
        using var reader = new StreamReader(path);
        string? headerLine = reader.ReadLine();
        if (string.IsNullOrWhiteSpace(headerLine))
            throw new InvalidInputException($"{source}: the CSV file is empty; it needs a header row naming the columns.", "file");
        string[] header = Split(headerLine).Select(h => h.Trim().Trim('"')).ToArray();
        if (header.Any(h => h.Length > 0 && double.TryParse(h, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            throw new InvalidInputException($"{source}: the first row holds numbers; the CSV needs a header row naming the columns.", "file");

        var rows = new List<double[]>();
        int lineNo = 1;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNo++;
            if (line.Length == 0) continue;
            string[] cells = Split(line);
            if (cells.Length != header.Length)
                throw new InvalidInputException($"{source}: line {lineNo} has {cells.Length} cells but the header has {header.Length} columns.", "file");
            var values = new double[cells.Length];
            for (int c = 0; c < cells.Length; c++)
            {
                if (!double.TryParse(cells[c].Trim().Trim('"'), NumberStyles.Float, CultureInfo.InvariantCulture, out values[c]))
                    throw new InvalidInputException($"{source}: line {lineNo}, column '{header[c]}': '{cells[c]}' is not a number.", "file");
                if (!double.IsFinite(values[c]))
                    throw new InvalidInputException($"{source}: line {lineNo}, column '{header[c]}' is {cells[c]}; remove or fill NaN/Inf values.", "file");
            }
            rows.Add(values);
        }
        if (rows.Count == 0) throw new InvalidInputException($"{source}: the CSV has a header but no data rows.", "file");

        int Find(string[] names) => Array.FindIndex(header, h => names.Contains(h.ToLowerInvariant()));
        int id = Find(IdColumns), time = Find(TimeColumns), label = Find(["label", "class", "is_signal_new"]);
        if (id >= 0 && time >= 0) return PerFrame(source, header, rows, id, time, label);
        var xs = Enumerable.Range(0, header.Length).Where(c => IsGroup(header[c], 'x')).ToArray();
        var ys = Enumerable.Range(0, header.Length).Where(c => IsGroup(header[c], 'y')).ToArray();
        if (xs.Length > 0) return Pairs(source, header, rows, xs, ys, label);
        throw new InvalidInputException(
            $"{source}: cannot tell the CSV layout. Use either a trajectory id column ({string.Join("/", IdColumns)}) plus a time column ({string.Join("/", TimeColumns)}) and feature columns, " +
            "or x_* and y_* column groups (one row per pair).", "file");
    }

    private static bool IsGroup(string name, char prefix) =>
        name.Length > 2 && char.ToLowerInvariant(name[0]) == prefix && (name[1] == '_' || name[1] == '.');

    private static TrajectoryArray PerFrame(string source, string[] header, List<double[]> rows, int id, int time, int label)
    {
        int[] features = Enumerable.Range(0, header.Length).Where(c => c != id && c != time && c != label).ToArray();
        if (features.Length == 0) throw new InvalidInputException($"{source}: no feature columns besides id and time.", "file");
        var groups = rows.GroupBy(r => r[id]).OrderBy(g => g.Key).Select(g => g.OrderBy(r => r[time]).ToList()).ToList();
        int T = groups[0].Count;
        var uneven = groups.FirstOrDefault(g => g.Count != T);
        if (uneven is not null)
            throw new InvalidInputException($"{source}: trajectory {uneven[0][id]} has {uneven.Count} frames but trajectory {groups[0][0][id]} has {T}; all trajectories need the same number of frames.", "file");
        int N = groups.Count, F = features.Length;
        var data = new double[(long)N * T * F];
        var labels = label >= 0 ? new double[N] : null;
        for (int i = 0; i < N; i++)
        {
            for (int t = 0; t < T; t++)
            for (int f = 0; f < F; f++) data[((long)i * T + t) * F + f] = groups[i][t][features[f]];
            if (labels is not null) labels[i] = groups[i][0][label];
        }
        var names = features.Select(f => header[f]).ToArray();
        var layout = new TrajectoryLayout { FeatureNames = names, Target = labels is null ? TargetKind.Vector : TargetKind.Class, FramesIn = labels is null ? 1 : T, FramesOut = labels is null ? 1 : 0 };
        return new TrajectoryArray(new NdArray(data, [N, T, F]), labels is null ? null : new NdArray(labels, [N]), "csv", null, layout);
    }

    private static TrajectoryArray Pairs(string source, string[] header, List<double[]> rows, int[] xs, int[] ys, int label)
    {
        int N = rows.Count, F = xs.Length;
        var names = xs.Select(c => header[c][2..]).ToArray();
        if (label >= 0 && ys.Length == 0)
        {
            var data = new double[(long)N * F];
            var labels = new double[N];
            for (int i = 0; i < N; i++)
            {
                for (int f = 0; f < F; f++) data[(long)i * F + f] = rows[i][xs[f]];
                labels[i] = rows[i][label];
            }
            var layout = new TrajectoryLayout { FramesIn = 1, FramesOut = 0, FeatureNames = names, Target = TargetKind.Class };
            return new TrajectoryArray(new NdArray(data, [N, 1, F]), new NdArray(labels, [N]), "csv", null, layout);
        }
        if (ys.Length == 1)
        {
            var data = new double[(long)N * (F + 1)];
            for (int i = 0; i < N; i++)
            {
                for (int f = 0; f < F; f++) data[(long)i * (F + 1) + f] = rows[i][xs[f]];
                data[(long)i * (F + 1) + F] = rows[i][ys[0]];
            }
            var layout = new TrajectoryLayout { FramesIn = 1, FramesOut = 0, FeatureNames = names, Target = TargetKind.Scalar, TargetFeature = F };
            return new TrajectoryArray(new NdArray(data, [N, 1, F + 1]), null, "csv", null, layout);
        }
        if (ys.Length == F)
        {
            var data = new double[(long)N * 2 * F];
            for (int i = 0; i < N; i++)
            for (int f = 0; f < F; f++)
            {
                data[(long)i * 2 * F + f] = rows[i][xs[f]];
                data[(long)i * 2 * F + F + f] = rows[i][ys[f]];
            }
            var layout = new TrajectoryLayout { FramesIn = 1, FramesOut = 1, DropLastWindow = false, FeatureNames = names };
            return new TrajectoryArray(new NdArray(data, [N, 2, F]), null, "csv", null, layout);
        }
        throw new InvalidInputException($"{source}: {F} x_ columns but {ys.Length} y_ columns; use as many y_ as x_ columns (next state), one y_ column (scalar target) or a label column (class).", "file");
    }

    /// <summary>Splits one CSV line on commas, honouring double quotes.</summary>
    private static string[] Split(string line)
    {
        if (!line.Contains('"')) return line.Split(',');
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char ch in line)
        {
            if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted)
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else current.Append(ch);
        }
        cells.Add(current.ToString());
        return cells.ToArray();
    }
}
