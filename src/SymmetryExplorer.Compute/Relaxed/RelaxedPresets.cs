using SymmetryExplorer.Compute.Relaxed.Networks;

namespace SymmetryExplorer.Compute.Relaxed;

/// <summary>
/// One preset per model, with hidden widths chosen so that all six have about 25,000 parameters
/// with the default 10 input frames, 5 layers, 3 x 3 kernels and C4 (rtrans on a 32 x 32 grid,
/// whose per-pixel mixing weights grow with the grid): a size that trains on a laptop CPU.
/// <see cref="HiddenForBudget"/> matches other budgets. Alphas scale each model's penalty
/// (a sum over group-element pairs for rgroup, a mean over taps for rsteer, a total variation over
/// pixels for rtrans) to a small fraction of the data loss. rgroup mixes two banks per group element
/// (hidden 10 against gconv's 14); rsteer gives each output field one learned profile over the
/// kernel taps (one bank), which costs so few parameters that it keeps steer's width of 14.
/// </summary>
public static class RelaxedPresets
{
    public const long DefaultParameterBudget = 25_000;

    public static IReadOnlyList<string> Names => RelaxedModelKinds.Names;

    public static RelaxedConfig For(string model)
    {
        var kind = RelaxedModelKinds.Parse(model);
        var baseline = new RelaxedConfig { Model = kind.Name() };
        return kind switch
        {
            RelaxedModelKind.Conv => baseline with { Hidden = 27, Alpha = 0 },
            RelaxedModelKind.GConv => baseline with { Hidden = 14, Alpha = 0 },
            RelaxedModelKind.RGroup => baseline with { Hidden = 10, FilterBanks = 2, Alpha = 1e-4 },
            RelaxedModelKind.Steer => baseline with { Hidden = 14, Alpha = 0 },
            RelaxedModelKind.RSteer => baseline with { Hidden = 14, FilterBanks = 1, Alpha = 1e-2 },
            _ => baseline with { Hidden = 13, FilterBanks = 2, Alpha = 1e-4 },
        };
    }

    /// <summary>
    /// The hidden width whose parameter count on this grid is closest to <paramref name="budget"/>
    /// (other settings as in <paramref name="config"/>), for comparisons at equal size.
    /// </summary>
    public static int HiddenForBudget(RelaxedConfig config, long budget, int height, int width)
    {
        if (budget < 1) throw new InvalidInputException($"The parameter budget must be positive, not {budget}.", "parameters");
        long Count(int hidden) => RelaxedNetworks.ParameterCount(config with { Hidden = hidden }, height, width);
        // Parameter counts grow with the hidden width: double until the budget is reached (building
        // only models near the answer's size), then bisect for the first width at or above it.
        int lo = 1, hi = 1;
        while (Count(hi) < budget)
        {
            if (hi >= 1024) return 1024;
            lo = hi + 1;
            hi = Math.Min(1024, hi * 2);
        }
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (Count(mid) < budget) lo = mid + 1;
            else hi = mid;
        }
        return lo > 1 && budget - Count(lo - 1) < Count(lo) - budget ? lo - 1 : lo;
    }
}
