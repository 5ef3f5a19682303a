using SymmetryExplorer.Compute.Flows.Datasets;
using SymmetryExplorer.Compute.Relaxed.Networks;

namespace SymmetryExplorer.Compute.Relaxed;

/// <summary>
/// result.json of a relaxed run (serialise with snake_case keys). The contract's keys come first:
/// dataset, model, seed, epochs, parameters, seconds, rmse_future, rmse_domain,
/// equivariance_error, equivariance_error_per_element {"90", "180", "270"}, relaxation; the rest
/// are extras. Errors are measured with the best-validation weights.
/// </summary>
public sealed record RelaxedResult
{
    public required string Dataset { get; init; }
    public required string Model { get; init; }
    public required int Seed { get; init; }

    /// <summary>Epochs trained (fewer than configured when stopped early).</summary>
    public required int Epochs { get; init; }

    public required long Parameters { get; init; }

    /// <summary>Wall-clock training and evaluation time (across resumes).</summary>
    public required double Seconds { get; init; }

    /// <summary>RMSE over all rollout_test steps on the Future split (later times of training simulations).</summary>
    public required double RmseFuture { get; init; }

    /// <summary>RMSE over all rollout_test steps on the Domain split (held-out simulations); null without held-out simulations.</summary>
    public required double? RmseDomain { get; init; }

    /// <summary>Mean over 90/180/270 degrees of mean |f(g x) - g f(x)| / mean |f(x)| (relative, one-step model).</summary>
    public required double EquivarianceError { get; init; }

    public required IReadOnlyDictionary<string, double> EquivarianceErrorPerElement { get; init; }

    /// <summary>How far relaxed weights drifted from tied; null for models without relaxed weights.</summary>
    public required RelaxationSummary? Relaxation { get; init; }

    // Extras.
    public required double EquivarianceErrorAbsolute { get; init; }
    public required IReadOnlyDictionary<string, double> EquivarianceErrorAbsolutePerElement { get; init; }
    public required string EquivarianceMeasuredOn { get; init; }
    public required double? EseFuture { get; init; }
    public required double? EseDomain { get; init; }
    public required IReadOnlyList<double> RmseFutureByStep { get; init; }
    public required IReadOnlyList<double> RmseDomainByStep { get; init; }
    public required int BestEpoch { get; init; }
    public required double BestValidLoss { get; init; }
    public required bool StoppedEarly { get; init; }
    public required string Device { get; init; }
    public required RelaxedConfig Config { get; init; }
    public required RelaxedDataSummary Data { get; init; }
    public required IReadOnlyList<LayerParameters> ParameterBreakdown { get; init; }
    public required IReadOnlyList<double> TrainLoss { get; init; }
    public required IReadOnlyList<double> ValidLoss { get; init; }
    public required IReadOnlyList<double> EpochSeconds { get; init; }
}

/// <param name="PerLayer">Drift per relaxed layer: sum |w - tied(w)| / sum |tied(w)|.</param>
/// <param name="Mean">Mean drift over layers.</param>
/// <param name="Penalty">The unweighted penalty sum at the end.</param>
/// <param name="Alpha">Its weight in the loss.</param>
public sealed record RelaxationSummary(IReadOnlyDictionary<string, double> PerLayer, double Mean, double Penalty, double Alpha);

/// <summary>What the run was trained and tested on.</summary>
public sealed record RelaxedDataSummary(
    int Simulations,
    int Frames,
    int Height,
    int Width,
    IReadOnlyList<int> TrainSimulations,
    IReadOnlyList<int> DomainSimulations,
    int TrainWindows,
    int ValidWindows,
    int FutureWindows,
    int DomainWindows,
    double VelocityRms,
    DataEquivariance? DataEquivariance);
