using PureHDF;
using PureHDF.Selections;
using PureHDF.VOL.Native;

namespace SymmetryExplorer.Compute.Data.Files;

/// <summary>
/// Reads numeric datasets from HDF5 files with PureHDF (managed, no native HDF5 needed): a named
/// dataset of any rank, or a pandas "fixed" table (group with block*_items / block*_values, as
/// written by DataFrame.to_hdf) such as the top-tagging data set's <c>table</c>.
/// </summary>
public static class Hdf5Arrays
{
    /// <summary>Names, shapes and element types of the datasets directly under the root and one group down.</summary>
    public static IReadOnlyList<(string Name, int[] Shape, string DType)> List(string path)
    {
        using var file = Open(path);
        var found = new List<(string, int[], string)>();
        foreach (var child in file.Children())
        {
            if (child is IH5Dataset ds) found.Add((child.Name, Shape(ds), TypeName(ds)));
            else if (child is IH5Group group)
            {
                foreach (var inner in group.Children())
                    if (inner is IH5Dataset ids) found.Add(($"{child.Name}/{inner.Name}", Shape(ids), TypeName(ids)));
            }
        }
        return found;
    }

    /// <summary>
    /// Reads a dataset as doubles. With no <paramref name="name"/>, takes the only root dataset or a
    /// conventional one (coords, data, x).
    /// </summary>
    public static NdArray Read(string path, string? name = null)
    {
        string source = System.IO.Path.GetFileName(path);
        using var file = Open(path);
        IH5Dataset dataset;
        if (name is not null)
        {
            if (!file.LinkExists(name))
                throw new InvalidInputException($"{source}: no dataset '{name}' (datasets: {string.Join(", ", List(path).Select(d => d.Name))}).", "array");
            dataset = file.Get(name) as IH5Dataset
                ?? throw new InvalidInputException($"{source}: '{name}' is a group, not a dataset.", "array");
        }
        else
        {
            var roots = file.Children().OfType<IH5Dataset>().ToList();
            dataset = roots.Count == 1 ? roots[0]
                : roots.FirstOrDefault(d => d.Name is "coords" or "data" or "x")
                ?? throw new InvalidInputException(roots.Count == 0
                    ? $"{source}: no dataset at the top level of the file; name the one to use."
                    : $"{source}: several datasets ({string.Join(", ", roots.Select(r => r.Name))}); name the one to use.", "array");
        }
        var shape = Shape(dataset);
        return new NdArray(ReadValues(dataset, source, null), shape, TypeName(dataset));
    }

    /// <summary>True when the file has a pandas fixed-format table under <paramref name="key"/>.</summary>
    public static bool HasPandasTable(string path, string key = "table")
    {
        using var file = Open(path);
        return file.LinkExists(key) && file.Get(key) is IH5Group g && g.LinkExists("block0_values") && g.LinkExists("block0_items");
    }

    /// <summary>
    /// Reads chosen columns of a pandas fixed-format table by name, in the order asked, reading only
    /// the rows' needed column ranges from disk (the full top-tagging table is ~8 GB).
    /// </summary>
    /// <returns>Rows x columns, row-major.</returns>
    public static NdArray ReadTableColumns(string path, IReadOnlyList<string> columns, string key = "table", int? maxRows = null)
    {
        string source = System.IO.Path.GetFileName(path);
        using var file = Open(path);
        if (!file.LinkExists(key) || file.Get(key) is not IH5Group table)
            throw new InvalidInputException($"{source}: no pandas table '{key}' in the file.", "file");

        // Where each block's columns live: block index and position inside it.
        var where = new Dictionary<string, (IH5Dataset Values, int Column, int Width)>();
        for (int b = 0; table.LinkExists($"block{b}_items"); b++)
        {
            var items = table.Dataset($"block{b}_items").Read<string[]>();
            var values = table.Dataset($"block{b}_values");
            for (int i = 0; i < items.Length; i++) where.TryAdd(items[i].Trim(), (values, i, items.Length));
        }
        var missing = columns.Where(c => !where.ContainsKey(c)).ToList();
        if (missing.Count > 0)
            throw new InvalidInputException($"{source}: table '{key}' has no column(s) {string.Join(", ", missing)}.", "file");

        var firstShape = Shape(where[columns[0]].Values);
        int rows = firstShape[0];
        if (maxRows is { } cap) rows = Math.Min(rows, cap);
        var result = new double[(long)rows * columns.Count];
        for (int c = 0; c < columns.Count; c++)
        {
            var (values, column, _) = where[columns[c]];
            var selection = new HyperslabSelection(rank: 2, starts: [0, (ulong)column], blocks: [(ulong)rows, 1]);
            var col = ReadValues(values, source, selection, [(ulong)rows]);
            for (int r = 0; r < rows; r++) result[(long)r * columns.Count + c] = col[r];
        }
        return new NdArray(result, [rows, columns.Count], "float64");
    }

    private static NativeFile Open(string path)
    {
        string source = System.IO.Path.GetFileName(path);
        if (!File.Exists(path)) throw new InvalidInputException($"File not found: {path}", "file");
        try
        {
            return H5File.OpenRead(path);
        }
        catch (Exception ex) when (ex is not InvalidInputException)
        {
            throw new InvalidInputException($"{source}: not a readable HDF5 file ({ex.Message}).", "file", ex);
        }
    }

    private static int[] Shape(IH5Dataset ds) => ds.Space.Dimensions.Select(d => checked((int)d)).ToArray();

    private static string TypeName(IH5Dataset ds) => (ds.Type.Class, ds.Type.Size) switch
    {
        (H5DataTypeClass.FloatingPoint, 8) => "float64",
        (H5DataTypeClass.FloatingPoint, 4) => "float32",
        (H5DataTypeClass.FixedPoint, 8) => "int64",
        (H5DataTypeClass.FixedPoint, 4) => "int32",
        (H5DataTypeClass.FixedPoint, 2) => "int16",
        (H5DataTypeClass.FixedPoint, 1) => "int8",
        var (cls, size) => $"{cls.ToString().ToLowerInvariant()}{size * 8}",
    };

    private static double[] ReadValues(IH5Dataset ds, string source, Selection? selection, ulong[]? memoryDims = null)
    {
        string type = TypeName(ds);
        try
        {
            return type switch
            {
                "float64" => ds.Read<double[]>(selection, null, memoryDims),
                "float32" => Array.ConvertAll(ds.Read<float[]>(selection, null, memoryDims), v => (double)v),
                "int64" => Array.ConvertAll(ds.Read<long[]>(selection, null, memoryDims), v => (double)v),
                "int32" => Array.ConvertAll(ds.Read<int[]>(selection, null, memoryDims), v => (double)v),
                "int16" => Array.ConvertAll(ds.Read<short[]>(selection, null, memoryDims), v => (double)v),
                "int8" => Array.ConvertAll(ds.Read<sbyte[]>(selection, null, memoryDims), v => (double)v),
                _ => throw new InvalidInputException($"{source}: dataset '{ds.Name}' has element type {type}; only float and integer datasets can be read.", "file"),
            };
        }
        catch (Exception ex) when (ex is not InvalidInputException)
        {
            throw new InvalidInputException($"{source}: dataset '{ds.Name}' could not be read ({ex.Message}).", "file", ex);
        }
    }
}
