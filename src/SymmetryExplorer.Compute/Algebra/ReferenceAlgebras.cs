using SymmetryExplorer.Compute.Data.Trajectories;

namespace SymmetryExplorer.Compute.Algebra;

/// <summary>A named set of Lie-algebra basis matrices to compare discoveries with.</summary>
/// <param name="Name">so2-blocks, so3, so13, rotation-z-2pi/7 ...</param>
/// <param name="Generators">Basis elements, each n x n.</param>
/// <param name="Metric">The invariant metric the algebra preserves, when it is a metric algebra (so(n), so(1,3)).</param>
/// <param name="Description">One line for people.</param>
public sealed record ReferenceAlgebra(string Name, IReadOnlyList<double[,]> Generators, double[,]? Metric, string Description)
{
    public int Dimension => Generators.Count == 0 ? 0 : Generators[0].GetLength(0);
}

/// <summary>
/// The reference algebras of the presets. Conventions follow the LieGAN reference: the 2-D rotation
/// generator is J = [[0, 1], [-1, 0]]; Lorentz generators act on (E, px, py, pz) and preserve
/// diag(-1, 1, 1, 1).
/// </summary>
public static class ReferenceAlgebras
{
    public static readonly double[,] J2 = { { 0, 1 }, { -1, 0 } };

    /// <summary>so(2) acting on every 2-vector group at once: block_diag(J, J, ...) placed on the groups' features.</summary>
    public static ReferenceAlgebra So2Blocks(int n, IReadOnlyList<VectorGroup> groups)
    {
        var L = new double[n, n];
        foreach (var g in groups.Where(g => g.Dimension == 2))
        {
            L[g.Features[0], g.Features[1]] = 1;
            L[g.Features[1], g.Features[0]] = -1;
        }
        return new ReferenceAlgebra("so2-blocks", [L], null, "so(2) rotating every 2-vector (positions and momenta) together");
    }

    /// <summary>so(2) on n = 2k features in consecutive pairs (the two-body ground truth for n = 8).</summary>
    public static ReferenceAlgebra So2Blocks(int n) =>
        So2Blocks(n, Enumerable.Range(0, n / 2).Select(i => new VectorGroup($"v{i}", [2 * i, 2 * i + 1])).ToList());

    /// <summary>so(3): rotations about x, y, z (L_x, L_y, L_z with (L_a)_{bc} = -epsilon_{abc}).</summary>
    public static ReferenceAlgebra So3()
    {
        var lx = new double[3, 3]; lx[1, 2] = -1; lx[2, 1] = 1;
        var ly = new double[3, 3]; ly[0, 2] = 1; ly[2, 0] = -1;
        var lz = new double[3, 3]; lz[0, 1] = -1; lz[1, 0] = 1;
        return new ReferenceAlgebra("so3", [lx, ly, lz], DenseMatrix.Identity(3), "rotations of 3-D space");
    }

    /// <summary>The rotation generator about z in 3-D; exp(2π/7 · L) is the discrete-rotation data's symmetry.</summary>
    public static ReferenceAlgebra RotationZ()
    {
        var lz = new double[3, 3]; lz[0, 1] = -1; lz[1, 0] = 1;
        return new ReferenceAlgebra("rotation-z-2pi/7", [lz], null, "rotations about z by multiples of 2π/7 (the cyclic group C7)");
    }

    /// <summary>so(1,3) on (E, px, py, pz): boosts K_x, K_y, K_z then rotations J_x, J_y, J_z.</summary>
    public static ReferenceAlgebra So13()
    {
        var gens = new List<double[,]>();
        for (int a = 1; a <= 3; a++)
        {
            var k = new double[4, 4];
            k[0, a] = 1;
            k[a, 0] = 1;
            gens.Add(k);
        }
        foreach (var (b, c) in new[] { (2, 3), (3, 1), (1, 2) })
        {
            var j = new double[4, 4];
            j[b, c] = -1;
            j[c, b] = 1;
            gens.Add(j);
        }
        return new ReferenceAlgebra("so13", gens, Minkowski(), "the Lorentz algebra: 3 boosts and 3 rotations of (E, px, py, pz)");
    }

    /// <summary>diag(-1, 1, 1, 1).</summary>
    public static double[,] Minkowski()
    {
        var eta = DenseMatrix.Identity(4);
        eta[0, 0] = -1;
        return eta;
    }

    /// <summary>Looks up a reference by name for a given dimension and layout; null when none applies.</summary>
    public static ReferenceAlgebra? ByName(string? name, int n, IReadOnlyList<VectorGroup> groups) => name switch
    {
        null or "" or "none" => null,
        "so2-blocks" => groups.Any(g => g.Dimension == 2) ? So2Blocks(n, groups) : n % 2 == 0 ? So2Blocks(n) : null,
        "so3" when n == 3 => So3(),
        "rotation-z-2pi/7" when n == 3 => RotationZ(),
        "so13" when n == 4 => So13(),
        _ => null,
    };

    private static double[,] Identity(int n) => DenseMatrix.Identity(n);
}
