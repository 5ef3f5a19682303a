namespace SymmetryExplorer.Compute.Flows;

/// <summary>
/// Velocity fields of one or more simulations, float32, layout (S, T, 2, H, W): channel 0 is vx,
/// channel 1 is vy, row index y points up. Plain managed memory so that generators, readers and
/// the web app can share it without a torch dependency.
/// </summary>
public sealed class FlowData
{
    public FlowData(float[] values, int simulations, int frames, int height, int width)
    {
        if (simulations < 1 || frames < 1 || height < 1 || width < 1)
            throw new ArgumentException($"Invalid flow shape ({simulations}, {frames}, 2, {height}, {width}).");
        if (values.LongLength != (long)simulations * frames * 2 * height * width)
            throw new ArgumentException(
                $"Flow data holds {values.LongLength} values but shape ({simulations}, {frames}, 2, {height}, {width}) needs {(long)simulations * frames * 2 * height * width}.");
        Values = values;
        Simulations = simulations;
        Frames = frames;
        Height = height;
        Width = width;
    }

    public float[] Values { get; }
    public int Simulations { get; }
    public int Frames { get; }
    public int Height { get; }
    public int Width { get; }

    /// <summary>Values per frame: 2 * H * W.</summary>
    public int FrameSize => 2 * Height * Width;

    /// <summary>The shape as (S, T, 2, H, W).</summary>
    public int[] Shape => [Simulations, Frames, 2, Height, Width];

    /// <summary>Offset of frame t of simulation s in <see cref="Values"/>.</summary>
    public long FrameOffset(int simulation, int frame) => ((long)simulation * Frames + frame) * FrameSize;

    public Span<float> Frame(int simulation, int frame) => Values.AsSpan(checked((int)FrameOffset(simulation, frame)), FrameSize);

    /// <summary>All frames of one simulation, (T, 2, H, W).</summary>
    public Span<float> Simulation(int simulation) => Values.AsSpan(checked((int)FrameOffset(simulation, 0)), Frames * FrameSize);

    /// <summary>Stacks simulations that share T, H and W.</summary>
    public static FlowData Stack(IReadOnlyList<float[]> simulations, int frames, int height, int width)
    {
        int per = frames * 2 * height * width;
        var all = new float[(long)simulations.Count * per];
        for (int s = 0; s < simulations.Count; s++)
        {
            if (simulations[s].Length != per) throw new ArgumentException($"Simulation {s} has {simulations[s].Length} values, expected {per}.");
            Array.Copy(simulations[s], 0, all, (long)s * per, per);
        }
        return new FlowData(all, simulations.Count, frames, height, width);
    }

    /// <summary>Root mean square of all values (the scale RMSE numbers should be read against).</summary>
    public double RootMeanSquare()
    {
        double sum = 0;
        foreach (float v in Values) sum += (double)v * v;
        return Math.Sqrt(sum / Values.Length);
    }
}
