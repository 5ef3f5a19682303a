namespace SymmetryExplorer.Compute.Flows.Simulation;

/// <summary>
/// A square N x N marker-and-cell grid with unit cells and closed walls. Arrays are row-major
/// [y, x] with y pointing up. Smoke lives at cell centres (x + 0.5, y + 0.5); <see cref="U"/> (vx)
/// at vertical faces (x, y + 0.5), shape N x (N + 1); <see cref="V"/> (vy) at horizontal faces
/// (x + 0.5, y), shape (N + 1) x N. The wall faces (x = 0, x = N for U; y = 0, y = N for V) are zero.
/// All sampling is bilinear and treats the four sides alike, so the update rules commute with
/// 90-degree rotations of the grid (the rotation test of the simulator relies on that).
/// </summary>
public sealed class MacGrid
{
    public MacGrid(int n)
    {
        if (n < 4) throw new InvalidInputException($"The simulation grid must be at least 4 x 4 cells, not {n}.", "grid");
        N = n;
        Smoke = new double[n * n];
        U = new double[n * (n + 1)];
        V = new double[(n + 1) * n];
    }

    public int N { get; }

    /// <summary>Smoke density at cell centres, index y * N + x.</summary>
    public double[] Smoke { get; }

    /// <summary>vx at vertical faces, index y * (N + 1) + x.</summary>
    public double[] U { get; }

    /// <summary>vy at horizontal faces, index y * N + x, y in [0, N].</summary>
    public double[] V { get; }

    public int UIndex(int x, int y) => y * (N + 1) + x;
    public int VIndex(int x, int y) => y * N + x;

    /// <summary>
    /// Bilinear sample of a cell-centred field at a point; outside the domain the nearest edge
    /// value is used (the "boundary" extrapolation smoke uses).
    /// </summary>
    public double SampleCentred(double[] field, double x, double y)
    {
        double gx = Math.Clamp(x - 0.5, 0, N - 1);
        double gy = Math.Clamp(y - 0.5, 0, N - 1);
        int x0 = Math.Min((int)gx, N - 2), y0 = Math.Min((int)gy, N - 2);
        double fx = gx - x0, fy = gy - y0;
        int i = y0 * N + x0;
        return (1 - fy) * ((1 - fx) * field[i] + fx * field[i + 1]) +
               fy * ((1 - fx) * field[i + N] + fx * field[i + N + 1]);
    }

    /// <summary>
    /// The four cell values around a sample point (the MacCormack clamp uses their range).
    /// </summary>
    public (double Min, double Max) CentredRange(double[] field, double x, double y)
    {
        double gx = Math.Clamp(x - 0.5, 0, N - 1);
        double gy = Math.Clamp(y - 0.5, 0, N - 1);
        int x0 = Math.Min((int)gx, N - 2), y0 = Math.Min((int)gy, N - 2);
        int i = y0 * N + x0;
        double a = field[i], b = field[i + 1], c = field[i + N], d = field[i + N + 1];
        return (Math.Min(Math.Min(a, b), Math.Min(c, d)), Math.Max(Math.Max(a, b), Math.Max(c, d)));
    }

    /// <summary>vx at a point inside the closed box [0, N]^2; tangential extrapolation past the walls is zero.</summary>
    public double SampleU(double[] u, double x, double y) => SampleFace(u, x, y - 0.5, N + 1, N);

    /// <summary>vy at a point inside the closed box [0, N]^2; tangential extrapolation past the walls is zero.</summary>
    public double SampleV(double[] v, double x, double y) => SampleFace(v, x - 0.5, y, N, N + 1);

    /// <summary>Clamps a point into the closed box [0, N]^2 (back-traced points may leave it).</summary>
    public (double X, double Y) ClampToDomain(double x, double y) => (Math.Clamp(x, 0, N), Math.Clamp(y, 0, N));

    /// <summary>
    /// Bilinear sample of a face field with width x height samples at grid coordinates (gx, gy);
    /// samples beyond the array (at most half a cell, behind a wall) read as zero.
    /// </summary>
    private static double SampleFace(double[] field, double gx, double gy, int width, int height)
    {
        int x0 = (int)Math.Floor(gx), y0 = (int)Math.Floor(gy);
        double fx = gx - x0, fy = gy - y0;
        return (1 - fy) * ((1 - fx) * At(field, x0, y0, width, height) + fx * At(field, x0 + 1, y0, width, height)) +
               fy * ((1 - fx) * At(field, x0, y0 + 1, width, height) + fx * At(field, x0 + 1, y0 + 1, width, height));
    }

    private static double At(double[] field, int x, int y, int width, int height) =>
        (uint)x < (uint)width && (uint)y < (uint)height ? field[y * width + x] : 0.0;

    /// <summary>Velocity divergence of each cell (net outflow through its four faces).</summary>
    public void Divergence(double[] into)
    {
        for (int y = 0; y < N; y++)
        for (int x = 0; x < N; x++)
            into[y * N + x] = U[UIndex(x + 1, y)] - U[UIndex(x, y)] + V[VIndex(x, y + 1)] - V[VIndex(x, y)];
    }

    /// <summary>Largest |divergence| over all cells.</summary>
    public double MaxAbsDivergence()
    {
        var div = new double[N * N];
        Divergence(div);
        double max = 0;
        foreach (double d in div) max = Math.Max(max, Math.Abs(d));
        return max;
    }

    /// <summary>Zeroes the normal velocity on the four walls.</summary>
    public void EnforceWalls()
    {
        for (int y = 0; y < N; y++)
        {
            U[UIndex(0, y)] = 0;
            U[UIndex(N, y)] = 0;
        }
        for (int x = 0; x < N; x++)
        {
            V[VIndex(x, 0)] = 0;
            V[VIndex(x, N)] = 0;
        }
    }
}
