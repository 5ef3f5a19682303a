namespace SymmetryExplorer.Compute.Data.BuiltIn;

/// <summary>
/// Adaptive Runge-Kutta 5(4) (Dormand-Prince) for y' = f(t, y), returning the state at chosen times.
/// Steps are clipped to land on each output time exactly, so no interpolation error enters the data.
/// </summary>
internal static class DormandPrince
{
    private static readonly double[] C = [0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1];
    private static readonly double[][] A =
    [
        [],
        [1.0 / 5],
        [3.0 / 40, 9.0 / 40],
        [44.0 / 45, -56.0 / 15, 32.0 / 9],
        [19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729],
        [9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656],
        [35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84],
    ];
    private static readonly double[] B5 = [35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84, 0];
    private static readonly double[] B4 = [5179.0 / 57600, 0, 7571.0 / 16695, 393.0 / 640, -92097.0 / 339200, 187.0 / 2100, 1.0 / 40];

    public delegate void Derivative(double t, double[] y, double[] dydt);

    /// <returns>States at <paramref name="times"/> (times[0] is the start time, returning y0).</returns>
    public static double[][] Solve(Derivative f, double[] y0, double[] times, double rtol = 1e-9, double atol = 1e-12)
    {
        int n = y0.Length;
        var result = new double[times.Length][];
        result[0] = (double[])y0.Clone();
        var y = (double[])y0.Clone();
        var k = new double[7][];
        for (int s = 0; s < 7; s++) k[s] = new double[n];
        var stage = new double[n];
        var y5 = new double[n];
        double t = times[0];
        double h = Math.Max((times[^1] - times[0]) * 1e-3, 1e-6);
        for (int outIndex = 1; outIndex < times.Length; outIndex++)
        {
            double target = times[outIndex];
            int guard = 0;
            while (t < target)
            {
                if (++guard > 1_000_000) throw new InvalidOperationException("ODE integration did not converge (too many steps).");
                double step = Math.Min(h, target - t);
                f(t, y, k[0]);
                for (int s = 1; s < 7; s++)
                {
                    for (int i = 0; i < n; i++)
                    {
                        double acc = y[i];
                        for (int j = 0; j < s; j++) acc += step * A[s][j] * k[j][i];
                        stage[i] = acc;
                    }
                    f(t + C[s] * step, stage, k[s]);
                }
                double err = 0;
                for (int i = 0; i < n; i++)
                {
                    double s5 = 0, s4 = 0;
                    for (int s = 0; s < 7; s++)
                    {
                        s5 += B5[s] * k[s][i];
                        s4 += B4[s] * k[s][i];
                    }
                    y5[i] = y[i] + step * s5;
                    double scale = atol + rtol * Math.Max(Math.Abs(y[i]), Math.Abs(y5[i]));
                    double e = step * (s5 - s4) / scale;
                    err += e * e;
                }
                err = Math.Sqrt(err / n);
                if (err <= 1)
                {
                    t = step == target - t ? target : t + step;
                    Array.Copy(y5, y, n);
                }
                double factor = err == 0 ? 5 : Math.Clamp(0.9 * Math.Pow(err, -0.2), 0.2, 5);
                // Grow from the step actually tried (it may have been clipped to the output time).
                h = Math.Max(step * factor, 1e-12);
            }
            result[outIndex] = (double[])y.Clone();
        }
        return result;
    }
}
