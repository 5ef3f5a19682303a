using SymmetryExplorer.Compute.Data.Trajectories;

namespace SymmetryExplorer.Compute.LieGan;

/// <summary>The masks that restrict which entries of L can be non-zero.</summary>
public static class GeneratorMasks
{
    /// <summary>Null (no mask) for random/zero init, else an n x n 0/1 matrix.</summary>
    public static double[,]? For(LieGanConfig config, int n, IReadOnlyList<VectorGroup> groups) => config.Init switch
    {
        "block2x2" => Blocks(n, TwoVectorGroups(n, groups).Select(g => g.Features).ToList(), "block2x2"),
        "block4x4" => Blocks(n, SameKindBlocks(n, groups), "block4x4"),
        "mask" => UserMask(config.Mask!, n),
        _ => null,
    };

    /// <summary>Ones on each block's features x features, zeros elsewhere.</summary>
    public static double[,] Blocks(int n, IReadOnlyList<int[]> blocks, string mode)
    {
        if (blocks.Count == 0)
            throw new InvalidInputException($"init '{mode}' needs vector groups in the data layout; give the layout (e.g. --layout two-body or --vectors) or use init random.", "init");
        var mask = new double[n, n];
        foreach (var b in blocks)
            foreach (int i in b)
                foreach (int j in b) mask[i, j] = 1;
        return mask;
    }

    private static IReadOnlyList<VectorGroup> TwoVectorGroups(int n, IReadOnlyList<VectorGroup> groups)
    {
        var twos = groups.Where(g => g.Dimension == 2).ToList();
        if (twos.Count == 0 && groups.Count == 0 && n % 2 == 0)
            twos = Enumerable.Range(0, n / 2).Select(i => new VectorGroup($"v{i}", [2 * i, 2 * i + 1])).ToList();
        return twos;
    }

    /// <summary>
    /// Vectors whose names start with the same letter (q1, q2 -> q; p1, p2 -> p) form one block: the
    /// reference's "4x4 factorisation" for two-body (positions couple with positions, momenta with momenta).
    /// </summary>
    private static IReadOnlyList<int[]> SameKindBlocks(int n, IReadOnlyList<VectorGroup> groups) =>
        TwoVectorGroups(n, groups)
            .GroupBy(g => g.Name.Length > 0 ? char.ToLowerInvariant(g.Name[0]) : '?')
            .Select(kind => kind.SelectMany(g => g.Features).ToArray())
            .ToList();

    private static double[,] UserMask(double[][] rows, int n)
    {
        if (rows.Length != n || rows.Any(r => r.Length != n))
            throw new InvalidInputException($"the mask must be {n} x {n} to match the data's {n} features.", "mask");
        var mask = new double[n, n];
        for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
        {
            if (rows[i][j] is not (0 or 1)) throw new InvalidInputException($"mask entries must be 0 or 1; entry [{i}, {j}] is {rows[i][j]}.", "mask");
            mask[i, j] = rows[i][j];
        }
        return mask;
    }
}
