using SymmetryExplorer.Compute.Flows;
using SymmetryExplorer.Compute.Flows.Simulation;

namespace SymmetryExplorer.Compute.Tests.Flows;

public class SmokeSimulatorTests
{
    /// <summary>A plume rising from a disc near the bottom wall, pushed up by the force (fx, fy).</summary>
    private static SmokeSetup BottomPlume(int n, double force, double velocityDt,
                                          PressurePreconditioner preconditioner = PressurePreconditioner.ModifiedIncompleteCholesky) =>
        SmokeSetup.Uniform(n, [new GridPoint(n / 2.0, 3.5)], 2.5, 0, force, velocityDt).WithPreconditioner(preconditioner);

    [Theory]
    [InlineData(PressurePreconditioner.ModifiedIncompleteCholesky)]
    [InlineData(PressurePreconditioner.Jacobi)]
    public void Projection_leaves_a_divergence_free_field_with_closed_walls(PressurePreconditioner preconditioner)
    {
        var grid = new MacGrid(24);
        var rng = new Random(3);
        for (int i = 0; i < grid.U.Length; i++) grid.U[i] = rng.NextDouble() * 2 - 1;
        for (int i = 0; i < grid.V.Length; i++) grid.V[i] = rng.NextDouble() * 2 - 1;
        grid.EnforceWalls();
        double before = grid.MaxAbsDivergence();

        var solver = new PressureSolver(24, 1e-5, preconditioner);
        solver.Project(grid);

        double after = grid.MaxAbsDivergence();
        Assert.True(before > 0.5, $"random field should be far from divergence-free (max |div| {before})");
        Assert.True(after <= 1e-5 * before, $"max |div| after projection {after:E2} should be <= 1e-5 x {before:E2}");
        Assert.Equal((before, after), solver.LastDivergence);
        // Walls stay closed: the projection only moves interior faces.
        for (int y = 0; y < 24; y++) Assert.Equal(0.0, grid.U[grid.UIndex(0, y)]);
        for (int x = 0; x < 24; x++) Assert.Equal(0.0, grid.V[grid.VIndex(x, 24)]);
    }

    [Fact]
    public void Projection_does_not_change_a_field_that_is_already_divergence_free()
    {
        // A discrete curl (of a stream function) has zero divergence on the MAC grid by construction.
        int n = 16;
        var grid = new MacGrid(n);
        double Psi(int x, int y) => x == 0 || y == 0 || x == n || y == n ? 0 : Math.Sin(0.3 * x * y) + 0.1 * x;
        for (int y = 0; y < n; y++) for (int x = 0; x <= n; x++) grid.U[grid.UIndex(x, y)] = Psi(x, y + 1) - Psi(x, y);
        for (int y = 0; y <= n; y++) for (int x = 0; x < n; x++) grid.V[grid.VIndex(x, y)] = -(Psi(x + 1, y) - Psi(x, y));
        Assert.True(grid.MaxAbsDivergence() < 1e-12);
        var u = (double[])grid.U.Clone();

        new PressureSolver(n).Project(grid);

        double maxChange = u.Zip(grid.U, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(maxChange < 1e-10, $"projection moved a divergence-free field by {maxChange:E2}");
    }

    [Fact]
    public void Every_step_is_projected_to_the_solver_tolerance_and_the_plume_rises()
    {
        var sim = new SmokeSimulator(BottomPlume(32, 0.1, 0.5));
        var frames = sim.Run(40);

        Assert.True(sim.Stats.MaxRelativeDivergence <= 1e-5, $"relative divergence {sim.Stats.MaxRelativeDivergence:E2}");
        Assert.True(sim.Stats.MaxDivergenceAfterProjection < 1e-3);
        // Mean vy above the inflow is upward: buoyancy drives the plume up.
        int n = 32;
        double vyColumn = 0;
        for (int y = 6; y < 20; y++) vyColumn += frames[39 * 2 * n * n + n * n + y * n + n / 2];
        Assert.True(vyColumn > 1, $"vy sum along the plume axis {vyColumn}");
    }

    [Fact]
    public void The_simulator_is_deterministic()
    {
        var a = new SmokeSimulator(BottomPlume(24, 0.2, 1.0)).Run(30);
        var b = new SmokeSimulator(BottomPlume(24, 0.2, 1.0)).Run(30);
        Assert.Equal(a, b);
    }

    [Fact]
    public void With_the_symmetric_preconditioner_a_rotated_set_up_gives_the_rotated_staggered_field_to_round_off()
    {
        int n = 24;
        var setup = BottomPlume(n, 0.3, 1.0, PressurePreconditioner.Jacobi);
        var plain = new SmokeSimulator(setup);
        var turned = new SmokeSimulator(setup.Rotated90());
        for (int step = 0; step < 3; step++)
        {
            plain.Step();
            turned.Step();
        }

        // Rotating the MAC grid maps vy faces onto vx faces: new vx at face (x, y) = -old vy at face (y, N - x).
        double maxDiff = 0, scale = 0;
        for (int y = 0; y < n; y++)
        for (int x = 0; x <= n; x++)
        {
            double expected = -plain.Grid.V[plain.Grid.VIndex(y, n - x)];
            maxDiff = Math.Max(maxDiff, Math.Abs(turned.Grid.U[turned.Grid.UIndex(x, y)] - expected));
            scale = Math.Max(scale, Math.Abs(expected));
        }
        Assert.True(scale > 0.05, $"the flow should be moving after 3 steps (max {scale})");
        Assert.True(maxDiff < 1e-12 * Math.Max(1, scale) * 1e3, $"max difference {maxDiff:E2}");
    }

    [Theory]
    [InlineData(PressurePreconditioner.ModifiedIncompleteCholesky)]
    [InlineData(PressurePreconditioner.Jacobi)]
    public void Simulation_of_the_rotated_set_up_equals_the_rotated_simulation(PressurePreconditioner preconditioner)
    {
        // Inflow at the bottom pushing up, against inflow on the right pushing left (a quarter turn).
        int n = 32, frames = 48;
        var setup = BottomPlume(n, 0.3, 1.0, preconditioner);
        Assert.Equal(new GridPoint(n - 3.5, n / 2.0), setup.Rotated90().Inflows[0]);
        Assert.Equal(-0.3, setup.Rotated90().ForceX[5], 12);

        var plain = new SmokeSimulator(setup).Run(frames);
        var turned = new SmokeSimulator(setup.Rotated90()).Run(frames);
        var rotatedPlain = VectorFieldRotation.RotateFrames(plain, n, 1);

        for (int t = 0; t < frames; t += 8)
        {
            double corr = Correlation(rotatedPlain.AsSpan(t * 2 * n * n, 2 * n * n), turned.AsSpan(t * 2 * n * n, 2 * n * n));
            Assert.True(corr > 0.99, $"frame {t}: correlation {corr:F5} should exceed 0.99");
        }
        // And the convention is not the published one (image rotation with v -> -v): that one fails.
        var wrong = rotatedPlain.Select(v => -v).ToArray();
        Assert.True(Correlation(wrong.AsSpan((frames - 1) * 2 * n * n, 2 * n * n), turned.AsSpan((frames - 1) * 2 * n * n, 2 * n * n)) < -0.9);
    }

    internal static double Correlation(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double ma = 0, mb = 0;
        for (int i = 0; i < a.Length; i++) { ma += a[i]; mb += b[i]; }
        ma /= a.Length; mb /= b.Length;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double da = a[i] - ma, db = b[i] - mb;
            sab += da * db; saa += da * da; sbb += db * db;
        }
        return sab / Math.Sqrt(saa * sbb);
    }
}
