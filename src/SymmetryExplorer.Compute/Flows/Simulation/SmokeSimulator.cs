namespace SymmetryExplorer.Compute.Flows.Simulation;

/// <summary>How a MAC-grid velocity is stored as an N x N frame.</summary>
public enum FrameLayout
{
    /// <summary>
    /// Face values averaged to cell centres. The 90-degree rotation of stored frames is then exactly
    /// the rotation of the simulation (the default: the symmetry the networks encode is the data's).
    /// </summary>
    CellCentred,
    /// <summary>
    /// The paper's layout: vx at each cell's left face, vy at its bottom face. A rotated frame is
    /// then off by half a cell, a small symmetry breaking of its own.
    /// </summary>
    StaggeredFaces,
}

/// <summary>Numerical health of a finished simulation.</summary>
/// <param name="Steps">Steps taken.</param>
/// <param name="MaxDivergenceAfterProjection">Largest max |div u| seen right after any projection.</param>
/// <param name="MaxRelativeDivergence">Largest ratio of max |div u| after to before projection.</param>
/// <param name="MeanSolverIterations">Mean CG iterations per pressure solve.</param>
/// <param name="MaxSpeed">Largest |velocity component| stored.</param>
public sealed record SimulationStats(int Steps, double MaxDivergenceAfterProjection, double MaxRelativeDivergence,
                                     double MeanSolverIterations, double MaxSpeed);

/// <summary>
/// A 2-D incompressible smoke-plume simulator on a closed <see cref="MacGrid"/>, after the PhiFlow
/// set-up of the relaxed-equivariance paper. One step: MacCormack smoke advection with clamping,
/// hard-disc inflow, semi-Lagrangian velocity advection, force (smoke times the force field, not
/// scaled by dt), pressure projection. Serial and deterministic: the same set-up gives the same bits.
/// </summary>
public sealed class SmokeSimulator
{
    private readonly SmokeSetup _setup;
    private readonly PressureSolver _solver;
    private readonly double[] _inflowMask;
    private readonly double[] _smokeHat, _smokeBack, _centreVx, _centreVy, _newU, _newV;
    private double _maxDivergence, _maxRelativeDivergence, _maxSpeed;
    private long _solverIterations;

    public SmokeSimulator(SmokeSetup setup)
    {
        _setup = setup;
        int n = setup.Grid;
        Grid = new MacGrid(n);
        _solver = new PressureSolver(n, setup.Tolerance, setup.Preconditioner);
        _inflowMask = BuildInflowMask(setup);
        _smokeHat = new double[n * n];
        _smokeBack = new double[n * n];
        _centreVx = new double[n * n];
        _centreVy = new double[n * n];
        _newU = new double[Grid.U.Length];
        _newV = new double[Grid.V.Length];
    }

    public MacGrid Grid { get; }

    public int StepsTaken { get; private set; }

    public SimulationStats Stats => new(StepsTaken, _maxDivergence, _maxRelativeDivergence,
        StepsTaken == 0 ? 0 : (double)_solverIterations / StepsTaken, _maxSpeed);

    /// <summary>Runs <paramref name="frames"/> steps and returns the stored frames, shape (T, 2, N, N).</summary>
    public float[] Run(int frames, FrameLayout layout = FrameLayout.CellCentred, CancellationToken cancellation = default)
    {
        int n = _setup.Grid;
        var data = new float[frames * 2 * n * n];
        for (int t = 0; t < frames; t++)
        {
            cancellation.ThrowIfCancellationRequested();
            Step();
            WriteFrame(data.AsSpan(t * 2 * n * n, 2 * n * n), layout);
        }
        return data;
    }

    public void Step()
    {
        AdvectSmoke();
        AddInflow();
        AdvectVelocity();
        AddForce();
        Grid.EnforceWalls();
        _solver.Project(Grid);
        _solverIterations += _solver.LastIterations;
        var (before, after) = _solver.LastDivergence;
        _maxDivergence = Math.Max(_maxDivergence, after);
        if (before > 0) _maxRelativeDivergence = Math.Max(_maxRelativeDivergence, after / before);
        StepsTaken++;
    }

    /// <summary>Writes the current (vx, vy) frame, each N x N, in the given layout.</summary>
    public void WriteFrame(Span<float> destination, FrameLayout layout = FrameLayout.CellCentred)
    {
        int n = _setup.Grid;
        for (int y = 0; y < n; y++)
        for (int x = 0; x < n; x++)
        {
            double u = Grid.U[Grid.UIndex(x, y)], v = Grid.V[Grid.VIndex(x, y)];
            if (layout == FrameLayout.CellCentred)
            {
                u = 0.5 * (u + Grid.U[Grid.UIndex(x + 1, y)]);
                v = 0.5 * (v + Grid.V[Grid.VIndex(x, y + 1)]);
            }
            destination[y * n + x] = (float)u;
            destination[n * n + y * n + x] = (float)v;
            _maxSpeed = Math.Max(_maxSpeed, Math.Max(Math.Abs(u), Math.Abs(v)));
        }
    }

    private static double[] BuildInflowMask(SmokeSetup setup)
    {
        int n = setup.Grid;
        var mask = new double[n * n];
        double r2 = setup.InflowRadius * setup.InflowRadius;
        foreach (var c in setup.Inflows)
        {
            for (int y = 0; y < n; y++)
            for (int x = 0; x < n; x++)
            {
                double dx = x + 0.5 - c.X, dy = y + 0.5 - c.Y;
                // Small slack so that discs at mirrored positions select mirrored cells exactly.
                if (dx * dx + dy * dy <= r2 + 1e-9) mask[y * n + x] = 1;
            }
        }
        return mask;
    }

    private (double Vx, double Vy) VelocityAt(double x, double y) => (Grid.SampleU(Grid.U, x, y), Grid.SampleV(Grid.V, x, y));

    private void AdvectSmoke()
    {
        int n = _setup.Grid;
        double dt = _setup.SmokeDt;
        var s = Grid.Smoke;
        // Forward semi-Lagrangian step, then the reverse step from its result; both trace with the
        // velocity at the cell centre (Euler), as PhiFlow's MacCormack does.
        for (int y = 0; y < n; y++)
        for (int x = 0; x < n; x++)
        {
            int i = y * n + x;
            (_centreVx[i], _centreVy[i]) = VelocityAt(x + 0.5, y + 0.5);
            _smokeHat[i] = Grid.SampleCentred(s, x + 0.5 - dt * _centreVx[i], y + 0.5 - dt * _centreVy[i]);
        }
        for (int y = 0; y < n; y++)
        for (int x = 0; x < n; x++)
        {
            int i = y * n + x;
            _smokeBack[i] = Grid.SampleCentred(_smokeHat, x + 0.5 + dt * _centreVx[i], y + 0.5 + dt * _centreVy[i]);
        }
        for (int y = 0; y < n; y++)
        for (int x = 0; x < n; x++)
        {
            int i = y * n + x;
            double px = x + 0.5, py = y + 0.5, vx = _centreVx[i], vy = _centreVy[i];
            double corrected = _smokeHat[i] + 0.5 * (s[i] - _smokeBack[i]);
            // Clamp to the values the back-traced point was interpolated from: no new extrema.
            var (lo, hi) = Grid.CentredRange(s, px - dt * vx, py - dt * vy);
            _smokeBack[i] = Math.Clamp(corrected, lo, hi);
        }
        Array.Copy(_smokeBack, s, s.Length);
    }

    private void AddInflow()
    {
        var s = Grid.Smoke;
        for (int i = 0; i < s.Length; i++) s[i] += _inflowMask[i];
    }

    private void AdvectVelocity()
    {
        int n = _setup.Grid;
        double dt = _setup.VelocityDt;
        var u = Grid.U;
        var v = Grid.V;
        for (int y = 0; y < n; y++)
        for (int x = 0; x <= n; x++)
        {
            double px = x, py = y + 0.5;
            double vx = u[Grid.UIndex(x, y)], vy = Grid.SampleV(v, px, py);
            var (bx, by) = Grid.ClampToDomain(px - dt * vx, py - dt * vy);
            _newU[Grid.UIndex(x, y)] = Grid.SampleU(u, bx, by);
        }
        for (int y = 0; y <= n; y++)
        for (int x = 0; x < n; x++)
        {
            double px = x + 0.5, py = y;
            double vx = Grid.SampleU(u, px, py), vy = v[Grid.VIndex(x, y)];
            var (bx, by) = Grid.ClampToDomain(px - dt * vx, py - dt * vy);
            _newV[Grid.VIndex(x, y)] = Grid.SampleV(v, bx, by);
        }
        Array.Copy(_newU, u, u.Length);
        Array.Copy(_newV, v, v.Length);
    }

    /// <summary>Adds smoke times the force field, both averaged onto each interior face.</summary>
    private void AddForce()
    {
        int n = _setup.Grid;
        var s = Grid.Smoke;
        var fx = _setup.ForceX;
        var fy = _setup.ForceY;
        for (int y = 0; y < n; y++)
        for (int x = 1; x < n; x++)
        {
            int l = y * n + x - 1, r = y * n + x;
            Grid.U[Grid.UIndex(x, y)] += 0.5 * (s[l] * fx[l] + s[r] * fx[r]);
        }
        for (int y = 1; y < n; y++)
        for (int x = 0; x < n; x++)
        {
            int d = (y - 1) * n + x, c = y * n + x;
            Grid.V[Grid.VIndex(x, y)] += 0.5 * (s[d] * fy[d] + s[c] * fy[c]);
        }
    }
}
