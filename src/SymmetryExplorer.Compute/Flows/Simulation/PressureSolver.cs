namespace SymmetryExplorer.Compute.Flows.Simulation;

/// <summary>Preconditioner of the pressure CG solve.</summary>
public enum PressurePreconditioner
{
    /// <summary>MIC(0) (Bridson): fast, row-ordered, so only equivariant up to the solver tolerance.</summary>
    ModifiedIncompleteCholesky,
    /// <summary>Diagonal scaling: slower, but every CG iterate commutes with grid rotations.</summary>
    Jacobi,
}

/// <summary>
/// Makes a <see cref="MacGrid"/> velocity divergence-free: solves the Poisson equation
/// -L p = -div u with Neumann (closed-wall) boundaries by conjugate gradients preconditioned with
/// modified incomplete Cholesky, MIC(0), then subtracts the pressure gradient from the interior
/// faces. The all-Neumann operator is singular (constants); the right-hand side has zero sum in a
/// closed box, so CG converges in the complement. Runs serially and is deterministic.
/// MIC(0) sweeps the cells in row order, so it is not symmetric under rotations of the grid: the
/// simulation of a rotated set-up then equals the rotated simulation to the solver tolerance.
/// The Jacobi preconditioner is symmetric (about 5x more iterations): with it they agree to round-off.
/// </summary>
public sealed class PressureSolver
{
    private const double Tau = 0.97;   // MIC(0) modification weight
    private const double Sigma = 0.25; // safety threshold for small pivots

    private readonly int _n;
    private readonly double[] _diag;  // number of non-wall neighbours of each cell
    private readonly double[] _plusX; // A(c, c + x): -1 when the right neighbour exists
    private readonly double[] _plusY; // A(c, c + y): -1 when the upper neighbour exists
    private readonly double[] _precon;
    private readonly double[] _pressure, _rhs, _r, _z, _s, _q, _t;

    public PressureSolver(int n, double relativeTolerance = 1e-5, PressurePreconditioner preconditioner = PressurePreconditioner.ModifiedIncompleteCholesky,
                          int maxIterations = 5000)
    {
        _n = n;
        Preconditioner = preconditioner;
        RelativeTolerance = relativeTolerance;
        MaxIterations = maxIterations;
        int cells = n * n;
        _diag = new double[cells];
        _plusX = new double[cells];
        _plusY = new double[cells];
        _precon = new double[cells];
        _pressure = new double[cells];
        _rhs = new double[cells];
        _r = new double[cells];
        _z = new double[cells];
        _s = new double[cells];
        _q = new double[cells];
        _t = new double[cells];
        BuildOperator();
        BuildPreconditioner();
    }

    /// <summary>Stop when max |residual| &lt;= this times max |divergence before projection|.</summary>
    public double RelativeTolerance { get; }

    public int MaxIterations { get; }

    public PressurePreconditioner Preconditioner { get; }

    /// <summary>CG iterations of the last solve.</summary>
    public int LastIterations { get; private set; }

    /// <summary>max |div u| before and after the last projection.</summary>
    public (double Before, double After) LastDivergence { get; private set; }

    /// <summary>Projects the grid's velocity onto divergence-free fields, starting CG from the previous pressure.</summary>
    public void Project(MacGrid grid)
    {
        if (grid.N != _n) throw new ArgumentException("Grid size does not match the solver.", nameof(grid));
        grid.Divergence(_rhs);
        double mean = _rhs.Average();
        for (int i = 0; i < _rhs.Length; i++) _rhs[i] -= mean; // remove round-off from the null space
        double before = MaxAbs(_rhs);
        if (before == 0)
        {
            LastIterations = 0;
            LastDivergence = (0, 0);
            return;
        }
        // A = -L is positive semi-definite; solve A p = -div.
        for (int i = 0; i < _rhs.Length; i++) _rhs[i] = -_rhs[i];
        Solve(before * RelativeTolerance);
        ApplyGradient(grid);
        LastDivergence = (before, grid.MaxAbsDivergence());
    }

    private void Solve(double tolerance)
    {
        // r = b - A p0 (warm start: pressure changes little between steps).
        Apply(_pressure, _q);
        for (int i = 0; i < _r.Length; i++) _r[i] = _rhs[i] - _q[i];
        LastIterations = 0;
        if (MaxAbs(_r) <= tolerance) return;
        ApplyPreconditioner(_r, _z);
        Array.Copy(_z, _s, _z.Length);
        double sigma = Dot(_z, _r);
        for (int k = 1; k <= MaxIterations; k++)
        {
            Apply(_s, _q);
            double alpha = sigma / Dot(_s, _q);
            for (int i = 0; i < _r.Length; i++)
            {
                _pressure[i] += alpha * _s[i];
                _r[i] -= alpha * _q[i];
            }
            LastIterations = k;
            if (MaxAbs(_r) <= tolerance) return;
            ApplyPreconditioner(_r, _z);
            double sigmaNew = Dot(_z, _r);
            double beta = sigmaNew / sigma;
            for (int i = 0; i < _s.Length; i++) _s[i] = _z[i] + beta * _s[i];
            sigma = sigmaNew;
        }
        throw new InvalidOperationException(
            $"The pressure solve did not reach max residual {tolerance:E2} in {MaxIterations} iterations (residual {MaxAbs(_r):E2}).");
    }

    private void ApplyGradient(MacGrid grid)
    {
        int n = _n;
        for (int y = 0; y < n; y++)
        for (int x = 1; x < n; x++)
            grid.U[grid.UIndex(x, y)] -= _pressure[y * n + x] - _pressure[y * n + x - 1];
        for (int y = 1; y < n; y++)
        for (int x = 0; x < n; x++)
            grid.V[grid.VIndex(x, y)] -= _pressure[y * n + x] - _pressure[(y - 1) * n + x];
    }

    private void BuildOperator()
    {
        int n = _n;
        for (int y = 0; y < n; y++)
        for (int x = 0; x < n; x++)
        {
            int c = y * n + x;
            _diag[c] = (x > 0 ? 1 : 0) + (x < n - 1 ? 1 : 0) + (y > 0 ? 1 : 0) + (y < n - 1 ? 1 : 0);
            _plusX[c] = x < n - 1 ? -1 : 0;
            _plusY[c] = y < n - 1 ? -1 : 0;
        }
    }

    /// <summary>MIC(0) as in Bridson, "Fluid Simulation for Computer Graphics", ch. 5.</summary>
    private void BuildPreconditioner()
    {
        int n = _n;
        for (int y = 0; y < n; y++)
        for (int x = 0; x < n; x++)
        {
            int c = y * n + x;
            double e = _diag[c];
            if (x > 0)
            {
                int l = c - 1;
                double a = _plusX[l] * _precon[l];
                e -= a * a + Tau * _plusX[l] * _plusY[l] * _precon[l] * _precon[l];
            }
            if (y > 0)
            {
                int d = c - n;
                double a = _plusY[d] * _precon[d];
                e -= a * a + Tau * _plusY[d] * _plusX[d] * _precon[d] * _precon[d];
            }
            if (e < Sigma * _diag[c]) e = _diag[c];
            _precon[c] = 1 / Math.Sqrt(e);
        }
    }

    private void ApplyPreconditioner(double[] r, double[] z)
    {
        int n = _n;
        if (Preconditioner == PressurePreconditioner.Jacobi)
        {
            for (int i = 0; i < r.Length; i++) z[i] = r[i] / _diag[i];
            return;
        }
        var q = _t; // forward-substitution result
        for (int y = 0; y < n; y++)
        for (int x = 0; x < n; x++)
        {
            int c = y * n + x;
            double t = r[c];
            if (x > 0) t -= _plusX[c - 1] * _precon[c - 1] * q[c - 1];
            if (y > 0) t -= _plusY[c - n] * _precon[c - n] * q[c - n];
            q[c] = t * _precon[c];
        }
        for (int y = n - 1; y >= 0; y--)
        for (int x = n - 1; x >= 0; x--)
        {
            int c = y * n + x;
            double t = q[c];
            if (x < n - 1) t -= _plusX[c] * _precon[c] * z[c + 1];
            if (y < n - 1) t -= _plusY[c] * _precon[c] * z[c + n];
            z[c] = t * _precon[c];
        }
    }

    /// <summary>out = A p with A = -L (Neumann walls).</summary>
    private void Apply(double[] p, double[] result)
    {
        int n = _n;
        for (int y = 0; y < n; y++)
        for (int x = 0; x < n; x++)
        {
            int c = y * n + x;
            double v = _diag[c] * p[c];
            if (x > 0) v -= p[c - 1];
            if (x < n - 1) v -= p[c + 1];
            if (y > 0) v -= p[c - n];
            if (y < n - 1) v -= p[c + n];
            result[c] = v;
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    private static double MaxAbs(double[] a)
    {
        double m = 0;
        foreach (double v in a) m = Math.Max(m, Math.Abs(v));
        return m;
    }
}
