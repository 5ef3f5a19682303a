namespace SymmetryExplorer.Compute.Relaxed;

/// <summary>The networks <c>symx relaxed --model</c> trains.</summary>
public enum RelaxedModelKind
{
    /// <summary><c>conv</c>: plain ConvNet (Conv-BN-ReLU stack), no symmetry built in.</summary>
    Conv,
    /// <summary><c>gconv</c>: strict group CNN (lifting + group convolutions, regular representation).</summary>
    GConv,
    /// <summary><c>rgroup</c>: relaxed group convolution, L filter banks mixed by w_l(g).</summary>
    RGroup,
    /// <summary><c>steer</c>: strict steerable CNN on a numerically computed equivariant kernel basis.</summary>
    Steer,
    /// <summary><c>rsteer</c>: relaxed steerable CNN, basis coefficients that may vary per kernel tap.</summary>
    RSteer,
    /// <summary><c>rtrans</c>: relaxed translation convolution, L convolutions mixed by per-pixel weights.</summary>
    RTrans,
}

public static class RelaxedModelKinds
{
    public static IReadOnlyList<string> Names { get; } = ["conv", "gconv", "rgroup", "steer", "rsteer", "rtrans"];

    public static string Name(this RelaxedModelKind kind) => Names[(int)kind];

    /// <exception cref="InvalidInputException">Not one of <see cref="Names"/>.</exception>
    public static RelaxedModelKind Parse(string? name)
    {
        int i = Names.ToList().IndexOf((name ?? "").Trim().ToLowerInvariant());
        return i >= 0
            ? (RelaxedModelKind)i
            : throw new InvalidInputException($"Unknown model '{name}': use one of {string.Join(", ", Names)}.", "model");
    }

    /// <summary>Whether the model is built from group-equivariant layers (and needs a square grid).</summary>
    public static bool UsesGroup(this RelaxedModelKind kind) => kind is RelaxedModelKind.GConv or RelaxedModelKind.RGroup or RelaxedModelKind.Steer or RelaxedModelKind.RSteer;

    /// <summary>Whether the model has relaxed weights (drift and a penalty).</summary>
    public static bool IsRelaxed(this RelaxedModelKind kind) => kind is RelaxedModelKind.RGroup or RelaxedModelKind.RSteer or RelaxedModelKind.RTrans;
}
