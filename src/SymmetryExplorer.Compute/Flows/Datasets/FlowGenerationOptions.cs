using SymmetryExplorer.Compute.Flows.Simulation;

namespace SymmetryExplorer.Compute.Flows.Datasets;

/// <summary>
/// Size and shape of a generated smoke data set. The paper's set-up is 64 x 64 with 300 frames;
/// smaller grids scale the inflow positions, radius and forces by grid / 64 so that the flows look
/// alike, only coarser. Tests and demos use small sizes.
/// </summary>
public sealed record FlowGenerationOptions
{
    /// <summary>Cells per side of the square box.</summary>
    public int Grid { get; init; } = 64;

    /// <summary>Number of simulations; null takes the data set's default (36 / 35 / 12).</summary>
    public int? Simulations { get; init; }

    /// <summary>Frames stored per simulation.</summary>
    public int Frames { get; init; } = 300;

    /// <summary>smoke-dial only: 0 = the four orientations are exact rotations of one another, 1 = strongly broken.</summary>
    public double Dial { get; init; }

    /// <summary>How velocities are stored (cell-centred by default; the paper stored staggered faces).</summary>
    public FrameLayout Layout { get; init; } = FrameLayout.CellCentred;

    public const int MinGrid = 8;
    public const int MaxGrid = 256;
    public const int MinFrames = 12;
    public const int MaxFrames = 2000;

    /// <summary>Throws <see cref="InvalidInputException"/> naming the field that is out of range.</summary>
    public void Validate(int minimumSimulations)
    {
        if (Grid is < MinGrid or > MaxGrid)
            throw new InvalidInputException($"grid must be between {MinGrid} and {MaxGrid} cells, not {Grid}.", "grid");
        if (Frames is < MinFrames or > MaxFrames)
            throw new InvalidInputException($"frames must be between {MinFrames} and {MaxFrames}, not {Frames}.", "frames");
        if (Simulations is { } s && (s < minimumSimulations || s > 400))
            throw new InvalidInputException($"simulations must be between {minimumSimulations} and 400 for this data set, not {s}.", "simulations");
        if (!double.IsFinite(Dial) || Dial is < 0 or > 1)
            throw new InvalidInputException($"dial must be between 0 (symmetric) and 1 (strongly broken), not {Dial}.", "dial");
        long values = (long)(Simulations ?? 36) * Frames * 2 * Grid * Grid;
        if (values > 400_000_000)
            throw new InvalidInputException(
                $"That data set would hold {values:N0} values ({values * 4 / 1e9:F1} GB); use fewer simulations, frames or a smaller grid.", "frames");
    }
}
