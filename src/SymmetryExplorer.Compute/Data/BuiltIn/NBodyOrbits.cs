using SymmetryExplorer.Compute.Data.Files;

namespace SymmetryExplorer.Compute.Data.BuiltIn;

/// <summary>
/// Gravitational N-body orbits (unit masses, G = 1) in the plane, as in the HNN generator that made
/// LieGAN's 2-body data. Frames are stored in the raw order [qx_1..N, qy_1..N, px_1..N, py_1..N].
/// </summary>
internal static class NBodyOrbits
{
    /// <summary>Frame spacing of the reference data: 20 frames over t in [0, 20 * 20/49).</summary>
    public const double FrameSpacing = 20.0 / 49.0;

    /// <summary>dq_i/dt = p_i, dp_i/dt = sum_j (q_j - q_i) / |q_j - q_i|^3, state [qx.., qy.., px.., py..].</summary>
    public static DormandPrince.Derivative Gravity(int bodies) => (_, s, d) =>
    {
        int n = bodies;
        for (int i = 0; i < n; i++)
        {
            d[i] = s[2 * n + i];
            d[n + i] = s[3 * n + i];
            double ax = 0, ay = 0;
            for (int j = 0; j < n; j++)
            {
                if (j == i) continue;
                double dx = s[j] - s[i], dy = s[n + j] - s[n + i];
                double r2 = dx * dx + dy * dy;
                double inv = 1.0 / (r2 * Math.Sqrt(r2));
                ax += dx * inv;
                ay += dy * inv;
            }
            d[2 * n + i] = ax;
            d[3 * n + i] = ay;
        }
    };

    /// <summary>Integrates each initial state and stacks (trajectories, frames, 4 N).</summary>
    public static NdArray Integrate(IReadOnlyList<double[]> initialStates, int bodies, int frames)
    {
        int F = 4 * bodies;
        var times = Enumerable.Range(0, frames).Select(k => k * FrameSpacing).ToArray();
        var data = new double[(long)initialStates.Count * frames * F];
        var f = Gravity(bodies);
        Parallel.For(0, initialStates.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, i =>
        {
            var states = DormandPrince.Solve(f, initialStates[i], times);
            for (int t = 0; t < frames; t++) Array.Copy(states[t], 0, data, ((long)i * frames + t) * F, F);
        });
        return new NdArray(data, [initialStates.Count, frames, F]);
    }

    /// <summary>
    /// Two bodies on a near-circular orbit: r = sqrt(U(1.5^2, 3^2)), body 1 at angle theta,
    /// v1 = (1 / (2 sqrt r)) (-sin, cos) (1 + 7e-4 N(0,1)), body 2 opposite (centre of mass at rest).
    /// </summary>
    public static double[] TwoBodyInitialState(SeededRandom rng, double thetaLow, double thetaHigh)
    {
        double r = Math.Sqrt(rng.Uniform(1.5 * 1.5, 3.0 * 3.0));
        double theta = rng.Uniform(thetaLow, thetaHigh);
        double qx = r * Math.Cos(theta), qy = r * Math.Sin(theta);
        double speed = 1.0 / (2.0 * Math.Sqrt(r)) * (1 + 7e-4 * rng.Normal());
        double vx = -Math.Sin(theta) * speed, vy = Math.Cos(theta) * speed;
        return [qx, -qx, qy, -qy, vx, -vx, vy, -vy];
    }

    /// <summary>
    /// Three bodies at the corners of an equilateral triangle of circumradius r (rotating Lagrange
    /// configuration, speed 3^(-1/4) r^(-1/2)), each velocity perturbed slightly so orbits differ.
    /// </summary>
    public static double[] ThreeBodyInitialState(SeededRandom rng, double thetaLow, double thetaHigh)
    {
        double r = Math.Sqrt(rng.Uniform(1.0, 2.0 * 2.0));
        double theta = rng.Uniform(thetaLow, thetaHigh);
        double speed = Math.Pow(3, -0.25) / Math.Sqrt(r);
        var s = new double[12];
        for (int b = 0; b < 3; b++)
        {
            double a = theta + b * 2 * Math.PI / 3;
            s[b] = r * Math.Cos(a);
            s[3 + b] = r * Math.Sin(a);
            double v = speed * (1 + 0.02 * rng.Normal());
            s[6 + b] = -Math.Sin(a) * v;
            s[9 + b] = Math.Cos(a) * v;
        }
        // Remove net momentum so the centre of mass stays at the origin.
        double mx = (s[6] + s[7] + s[8]) / 3, my = (s[9] + s[10] + s[11]) / 3;
        for (int b = 0; b < 3; b++)
        {
            s[6 + b] -= mx;
            s[9 + b] -= my;
        }
        return s;
    }
}
