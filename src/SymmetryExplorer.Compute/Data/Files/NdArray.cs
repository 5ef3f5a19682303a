namespace SymmetryExplorer.Compute.Data.Files;

/// <summary>
/// A dense array read from (or to be written to) an array file: row-major (C order) values as
/// doubles, its shape, and the element type it was stored with. Doubles hold every dtype the
/// readers accept exactly (float32/64 and integers up to 2^53), so one type serves trajectories,
/// flows and labels alike.
/// </summary>
public sealed class NdArray
{
    public NdArray(double[] data, int[] shape, string dtype = "float64")
    {
        long count = 1;
        foreach (int d in shape)
        {
            if (d < 0) throw new ArgumentException($"negative dimension in shape ({string.Join(", ", shape)})");
            count *= d;
        }
        if (count != data.LongLength)
            throw new ArgumentException($"shape ({string.Join(", ", shape)}) holds {count} values, data has {data.Length}");
        Data = data;
        Shape = shape;
        DType = dtype;
    }

    /// <summary>Values in row-major order.</summary>
    public double[] Data { get; }

    public int[] Shape { get; }

    /// <summary>Stored element type in NumPy's words: float64, float32, int64, int32, uint8, bool...</summary>
    public string DType { get; }

    public int Rank => Shape.Length;

    public long Count => Data.LongLength;

    public string ShapeText => "(" + string.Join(", ", Shape) + (Shape.Length == 1 ? ",)" : ")");

    /// <summary>Index of the first NaN or infinity, or -1 when every value is finite.</summary>
    public long FirstNonFinite()
    {
        for (long i = 0; i < Data.LongLength; i++)
            if (!double.IsFinite(Data[i])) return i;
        return -1;
    }

    /// <summary>The multi-index of a flat position, for messages ("value at [3, 0, 5] is NaN").</summary>
    public int[] Unravel(long flat)
    {
        var index = new int[Shape.Length];
        for (int k = Shape.Length - 1; k >= 0; k--)
        {
            index[k] = (int)(flat % Shape[k]);
            flat /= Shape[k];
        }
        return index;
    }
}
