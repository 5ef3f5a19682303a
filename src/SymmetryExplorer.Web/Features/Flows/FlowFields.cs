namespace SymmetryExplorer.Web.Features.Flows;

/// <summary>
/// Scalar views of a 2-D velocity frame [component][row (y up)][column] for heatmaps: speed and
/// vorticity (∂vy/∂x − ∂vx/∂y by central differences, one-sided at the walls), and box-averaging
/// to keep previews small.
/// </summary>
public static class FlowFields
{
    public static double[][] Speed(double[][][] v) =>
        v[0].Select((row, y) => row.Select((vx, x) => Math.Sqrt(vx * vx + v[1][y][x] * v[1][y][x])).ToArray()).ToArray();

    public static double[][] Vorticity(double[][][] v)
    {
        int h = v[0].Length, w = v[0][0].Length;
        var result = new double[h][];
        for (int y = 0; y < h; y++)
        {
            result[y] = new double[w];
            for (int x = 0; x < w; x++)
            {
                double dvydx = Derivative(i => v[1][y][i], x, w);
                double dvxdy = Derivative(j => v[0][j][x], y, h);
                result[y][x] = dvydx - dvxdy;
            }
        }
        return result;
    }

    /// <summary>The field named <c>vx</c>, <c>vy</c>, <c>speed</c> or <c>vorticity</c>.</summary>
    public static double[][] Field(double[][][] v, string name) => name switch
    {
        "vx" => v[0],
        "vy" => v[1],
        "speed" => Speed(v),
        _ => Vorticity(v),
    };

    /// <summary>Averages factor x factor boxes of a (2, H, W) frame stored flat in float32.</summary>
    public static double[][][] Downsample(ReadOnlySpan<float> frame, int h, int w, int factor)
    {
        int oh = (h + factor - 1) / factor, ow = (w + factor - 1) / factor;
        var result = new double[2][][];
        for (int c = 0; c < 2; c++)
        {
            result[c] = new double[oh][];
            for (int y = 0; y < oh; y++)
            {
                result[c][y] = new double[ow];
                for (int x = 0; x < ow; x++)
                {
                    double sum = 0;
                    int n = 0;
                    for (int dy = 0; dy < factor && y * factor + dy < h; dy++)
                    for (int dx = 0; dx < factor && x * factor + dx < w; dx++)
                    {
                        sum += frame[(c * h + y * factor + dy) * w + x * factor + dx];
                        n++;
                    }
                    result[c][y][x] = Math.Round(sum / n, 5);
                }
            }
        }
        return result;
    }

    private static double Derivative(Func<int, double> f, int i, int n) =>
        n < 2 ? 0 : i == 0 ? f(1) - f(0) : i == n - 1 ? f(n - 1) - f(n - 2) : (f(i + 1) - f(i - 1)) / 2;
}
