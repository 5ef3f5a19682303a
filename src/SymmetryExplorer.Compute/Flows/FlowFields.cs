namespace SymmetryExplorer.Compute.Flows;

/// <summary>Derived scalar fields of one (2, H, W) velocity frame, for previews (heatmaps) and checks.</summary>
public static class FlowFields
{
    /// <summary>|v| per cell, (H, W) row-major, row 0 at the bottom.</summary>
    public static float[] Speed(ReadOnlySpan<float> frame, int height, int width)
    {
        Check(frame, height, width);
        int plane = height * width;
        var speed = new float[plane];
        for (int i = 0; i < plane; i++) speed[i] = MathF.Sqrt(frame[i] * frame[i] + frame[plane + i] * frame[plane + i]);
        return speed;
    }

    /// <summary>
    /// Vorticity dvy/dx - dvx/dy per cell (unit cells; central differences inside, one-sided at the
    /// edges). Positive is counter-clockwise.
    /// </summary>
    public static float[] Vorticity(ReadOnlySpan<float> frame, int height, int width)
    {
        Check(frame, height, width);
        int plane = height * width;
        var vx = frame[..plane];
        var vy = frame[plane..];
        var omega = new float[plane];
        for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
        {
            int x0 = Math.Max(x - 1, 0), x1 = Math.Min(x + 1, width - 1);
            int y0 = Math.Max(y - 1, 0), y1 = Math.Min(y + 1, height - 1);
            float dvyDx = (vy[y * width + x1] - vy[y * width + x0]) / Math.Max(1, x1 - x0);
            float dvxDy = (vx[y1 * width + x] - vx[y0 * width + x]) / Math.Max(1, y1 - y0);
            omega[y * width + x] = dvyDx - dvxDy;
        }
        return omega;
    }

    private static void Check(ReadOnlySpan<float> frame, int height, int width)
    {
        if (frame.Length != 2 * height * width)
            throw new ArgumentException($"Expected a (2, {height}, {width}) frame of {2 * height * width} values, not {frame.Length}.", nameof(frame));
    }
}
