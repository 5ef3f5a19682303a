namespace SymmetryExplorer.Compute.Flows.Simulation;

/// <summary>A point of the continuous domain [0, N]^2 (x to the right, y up).</summary>
public readonly record struct GridPoint(double X, double Y);

/// <summary>
/// Everything that defines one smoke-plume simulation: grid size, hard-disc inflows (+1 smoke per
/// step inside each disc), the force per unit smoke in every cell (buoyancy or a directed push),
/// and the time steps. Immutable; <see cref="Rotated90"/> gives the set-up turned a quarter turn
/// counter-clockwise about the box centre, whose simulation is the rotated simulation.
/// </summary>
public sealed class SmokeSetup
{
    public SmokeSetup(int grid, IReadOnlyList<GridPoint> inflows, double inflowRadius, double[] forceX, double[] forceY,
                      double velocityDt = 0.5, double smokeDt = 1.0, double tolerance = 1e-5,
                      PressurePreconditioner preconditioner = PressurePreconditioner.ModifiedIncompleteCholesky)
    {
        if (grid < 4) throw new InvalidInputException($"The simulation grid must be at least 4 cells wide, not {grid}.", "grid");
        if (forceX.Length != grid * grid || forceY.Length != grid * grid)
            throw new ArgumentException("Force fields must have one value per cell.");
        if (inflowRadius <= 0) throw new InvalidInputException("The inflow radius must be positive.", "inflow_radius");
        Grid = grid;
        Inflows = inflows;
        InflowRadius = inflowRadius;
        ForceX = forceX;
        ForceY = forceY;
        VelocityDt = velocityDt;
        SmokeDt = smokeDt;
        Tolerance = tolerance;
        Preconditioner = preconditioner;
    }

    public int Grid { get; }
    public IReadOnlyList<GridPoint> Inflows { get; }
    public double InflowRadius { get; }

    /// <summary>x component of the force per unit smoke at each cell centre, index y * N + x.</summary>
    public double[] ForceX { get; }

    /// <summary>y component of the force per unit smoke at each cell centre.</summary>
    public double[] ForceY { get; }

    /// <summary>Time step of the semi-Lagrangian velocity advection (0.5 in the paper, 1 for the rotation set).</summary>
    public double VelocityDt { get; }

    /// <summary>Time step of the MacCormack smoke advection.</summary>
    public double SmokeDt { get; }

    /// <summary>Relative tolerance of the pressure solve.</summary>
    public double Tolerance { get; }

    /// <summary>Preconditioner of the pressure solve (see <see cref="PressurePreconditioner"/>).</summary>
    public PressurePreconditioner Preconditioner { get; }

    /// <summary>The same set-up with another pressure preconditioner.</summary>
    public SmokeSetup WithPreconditioner(PressurePreconditioner preconditioner) =>
        new(Grid, Inflows, InflowRadius, ForceX, ForceY, VelocityDt, SmokeDt, Tolerance, preconditioner);

    /// <summary>The same force vector in every cell.</summary>
    public static SmokeSetup Uniform(int grid, IReadOnlyList<GridPoint> inflows, double radius, double fx, double fy, double velocityDt)
    {
        var forceX = Enumerable.Repeat(fx, grid * grid).ToArray();
        var forceY = Enumerable.Repeat(fy, grid * grid).ToArray();
        return new SmokeSetup(grid, inflows, radius, forceX, forceY, velocityDt);
    }

    /// <summary>Upward buoyancy that differs between the left and right halves of the box.</summary>
    public static SmokeSetup SplitBuoyancy(int grid, IReadOnlyList<GridPoint> inflows, double radius, double left, double right, double velocityDt)
    {
        var forceX = new double[grid * grid];
        var forceY = new double[grid * grid];
        for (int y = 0; y < grid; y++)
        for (int x = 0; x < grid; x++)
            forceY[y * grid + x] = x < grid / 2 ? left : right;
        return new SmokeSetup(grid, inflows, radius, forceX, forceY, velocityDt);
    }

    /// <summary>
    /// The set-up rotated 90 degrees counter-clockwise about the box centre: a point (x, y) goes to
    /// (N - y, x), a force vector (fx, fy) to (-fy, fx), and cell (x, y) to cell (N - 1 - y, x).
    /// </summary>
    public SmokeSetup Rotated90()
    {
        int n = Grid;
        var fx = new double[n * n];
        var fy = new double[n * n];
        for (int y = 0; y < n; y++)
        for (int x = 0; x < n; x++)
        {
            // out[y, x] = R in[N - 1 - x, y]
            int src = (n - 1 - x) * n + y;
            fx[y * n + x] = -ForceY[src];
            fy[y * n + x] = ForceX[src];
        }
        var inflows = Inflows.Select(p => new GridPoint(n - p.Y, p.X)).ToArray();
        return new SmokeSetup(n, inflows, InflowRadius, fx, fy, VelocityDt, SmokeDt, Tolerance, Preconditioner);
    }
}
