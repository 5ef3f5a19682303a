namespace SymmetryExplorer.Compute.Flows;

/// <summary>
/// The physical rotation of a sampled 2-D velocity field by multiples of 90 degrees, the one
/// convention used everywhere in the engine (data sets, metrics, networks):
/// counter-clockwise by 90 degrees, out[:, y, x] = R in[:, N-1-x, y] with R(vx, vy) = (-vy, vx),
/// on [C = (vx, vy), Y (row, up), X (column)] arrays. (The published code uses the image rotation
/// with the opposite vector convention, i.e. this rotation composed with v -> -v: wrong at 90 degrees.)
/// </summary>
public static class VectorFieldRotation
{
    /// <summary>Rotates one (2, N, N) frame by k quarter turns counter-clockwise (k may be negative).</summary>
    public static float[] Rotate(ReadOnlySpan<float> frame, int n, int quarterTurns)
    {
        if (frame.Length != 2 * n * n) throw new ArgumentException($"Expected a (2, {n}, {n}) frame.", nameof(frame));
        int k = ((quarterTurns % 4) + 4) % 4;
        var output = new float[frame.Length];
        int plane = n * n;
        for (int y = 0; y < n; y++)
        for (int x = 0; x < n; x++)
        {
            // Source position of output (y, x) under k counter-clockwise quarter turns.
            var (sy, sx) = k switch
            {
                0 => (y, x),
                1 => (n - 1 - x, y),
                2 => (n - 1 - y, n - 1 - x),
                _ => (x, n - 1 - y),
            };
            float vx = frame[sy * n + sx], vy = frame[plane + sy * n + sx];
            (float ox, float oy) = k switch
            {
                0 => (vx, vy),
                1 => (-vy, vx),
                2 => (-vx, -vy),
                _ => (vy, -vx),
            };
            output[y * n + x] = ox;
            output[plane + y * n + x] = oy;
        }
        return output;
    }

    /// <summary>Rotates every frame of a (T, 2, N, N) block.</summary>
    public static float[] RotateFrames(ReadOnlySpan<float> frames, int n, int quarterTurns)
    {
        int size = 2 * n * n;
        if (frames.Length % size != 0) throw new ArgumentException($"Expected whole (2, {n}, {n}) frames.", nameof(frames));
        var output = new float[frames.Length];
        for (int t = 0; t < frames.Length / size; t++)
            Rotate(frames.Slice(t * size, size), n, quarterTurns).CopyTo(output.AsSpan(t * size, size));
        return output;
    }
}
