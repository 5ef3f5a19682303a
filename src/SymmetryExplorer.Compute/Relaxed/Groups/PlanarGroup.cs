namespace SymmetryExplorer.Compute.Relaxed.Groups;

/// <summary>
/// A finite group of rotations (and reflections) of the plane that maps the square pixel grid onto
/// itself exactly: C1, C2, C4 (quarter turns) and D1, D2, D4 (with the mirror (x, y) -> (x, -y)).
/// Elements are integer 2 x 2 matrices acting on (x = column, y = row, pointing up); element g of
/// C_n is the rotation by 360 g / n degrees counter-clockwise, element n + g of D_n is that rotation
/// after the mirror. C8 and finer groups need interpolated 45-degree rotations and are not offered.
/// </summary>
public sealed class PlanarGroup
{
    private readonly int[][] _matrices;
    private readonly int[,] _table;
    private readonly int[] _inverse;

    private PlanarGroup(int rotations, bool reflections)
    {
        Rotations = rotations;
        HasReflections = reflections;
        Order = rotations * (reflections ? 2 : 1);
        Name = (reflections ? "D" : "C") + rotations;
        _matrices = new int[Order][];
        for (int g = 0; g < Order; g++)
        {
            int r = g % rotations;
            var rot = RotationMatrix(4 / rotations * r); // quarter turns
            _matrices[g] = g < rotations ? rot : Multiply(rot, [1, 0, 0, -1]);
        }
        _table = new int[Order, Order];
        _inverse = new int[Order];
        for (int a = 0; a < Order; a++)
        for (int b = 0; b < Order; b++)
        {
            _table[a, b] = IndexOf(Multiply(_matrices[a], _matrices[b]));
            if (_table[a, b] == 0) _inverse[a] = b;
        }
    }

    /// <summary>C1, C2, C4, D1, D2 or D4.</summary>
    public string Name { get; }

    /// <summary>Number of elements |G|.</summary>
    public int Order { get; }

    /// <summary>Number of rotations n (the order of C_n).</summary>
    public int Rotations { get; }

    public bool HasReflections { get; }

    /// <summary>The group of <paramref name="rotations"/> rotations, with reflections for D_n.</summary>
    /// <exception cref="InvalidInputException">n is not 1, 2 or 4.</exception>
    public static PlanarGroup Create(int rotations, bool reflections = false)
    {
        if (rotations is not (1 or 2 or 4))
        {
            throw new InvalidInputException(
                $"Group order {rotations} is not available: only rotations by multiples of 90 degrees map the square grid onto itself exactly. " +
                "Use 1, 2 or 4 (C1, C2, C4, or D1, D2, D4 with reflections); C8 would need interpolated 45-degree rotations.", "group_order");
        }
        return new PlanarGroup(rotations, reflections);
    }

    public static PlanarGroup C4 { get; } = new(4, false);

    /// <summary>The 2 x 2 matrix of element g, row-major [a, b, c, d] = [[a, b], [c, d]].</summary>
    public IReadOnlyList<int> Matrix(int g) => _matrices[g];

    public int Multiply(int a, int b) => _table[a, b];

    public int Inverse(int g) => _inverse[g];

    /// <summary>Rotation angle in degrees of element g (of its rotation part).</summary>
    public int Degrees(int g) => 360 / Rotations * (g % Rotations);

    /// <summary>"0", "90", "180", "270"; reflections "m0", "m90", ... (mirror, then rotate).</summary>
    public string Label(int g) => (g < Rotations ? "" : "m") + Degrees(g).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Applies element g to an integer point (x, y).</summary>
    public (int X, int Y) Act(int g, int x, int y)
    {
        var m = _matrices[g];
        return (m[0] * x + m[1] * y, m[2] * x + m[3] * y);
    }

    /// <summary>
    /// For a k x k kernel with taps indexed ty * k + tx (offset (tx - k/2, ty - k/2)): the tap
    /// g^-1 t each tap t reads from, so that K_g[t] = W[g^-1 t] is W turned by g.
    /// </summary>
    public int[] TapSource(int g, int k) => GridSource(g, k);

    /// <summary>
    /// For an n x n image (index y * n + x) turned about its centre: the pixel g^-1 p each pixel p
    /// reads from, so that (g f)[p] = f[g^-1 p].
    /// </summary>
    public int[] PixelSource(int g, int n) => GridSource(g, n);

    private int[] GridSource(int g, int n)
    {
        int inv = _inverse[g];
        var source = new int[n * n];
        for (int y = 0; y < n; y++)
        for (int x = 0; x < n; x++)
        {
            // Doubled coordinates relative to the centre keep even-sized grids integral.
            var (sx, sy) = Act(inv, 2 * x - (n - 1), 2 * y - (n - 1));
            source[y * n + x] = (sy + n - 1) / 2 * n + (sx + n - 1) / 2;
        }
        return source;
    }

    private static int[] RotationMatrix(int quarterTurns) => (quarterTurns % 4) switch
    {
        0 => [1, 0, 0, 1],
        1 => [0, -1, 1, 0],
        2 => [-1, 0, 0, -1],
        _ => [0, 1, -1, 0],
    };

    private static int[] Multiply(int[] a, int[] b) =>
    [
        a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
    ];

    private int IndexOf(int[] m)
    {
        for (int g = 0; g < Order; g++)
            if (_matrices[g].AsSpan().SequenceEqual(m)) return g;
        throw new InvalidOperationException("The group is not closed under multiplication.");
    }
}
