using System.Text.Json.Serialization;

namespace SymmetryExplorer.Compute.Relaxed;

/// <summary>
/// Everything that defines a relaxed-equivariance training run besides the data and the seed.
/// Defaults follow the paper (10 input frames, rollout 6 in training and 20 in tests, Adam with
/// lr 1e-3 and weight decay 4e-4, step decay 0.95 per epoch, 5 layers, kernel 3); sizes default to
/// what trains on a laptop CPU. <see cref="RelaxedPresets"/> has one per model.
/// Serialises to snake_case JSON for the web app and run exports.
/// </summary>
public sealed record RelaxedConfig
{
    /// <summary>conv, gconv, rgroup, steer, rsteer or rtrans.</summary>
    public string Model { get; init; } = "rgroup";

    /// <summary>Number of rotations n of the group C_n (1, 2 or 4); with <see cref="Reflections"/> D_n.</summary>
    public int GroupOrder { get; init; } = 4;

    public bool Reflections { get; init; }

    /// <summary>
    /// How the group models rotate velocity: <c>physical</c> (a vector turns with the grid, the
    /// right action) or <c>published</c>, the published code's convention, which is the physical
    /// quarter turn composed with v -> -v: 180 degrees right, 90 and 270 wrong. Only for C4 group
    /// and steerable models; it exists to measure what the published baselines' mistake costs.
    /// </summary>
    public string VectorConvention { get; init; } = VectorConventions.Physical;

    /// <summary>Hidden width: channels for conv / rtrans, regular fields (|G| channels each) for the group models.</summary>
    public int Hidden { get; init; } = 16;

    /// <summary>Convolution layers in all (input and output layers included), at least 2.</summary>
    public int Layers { get; init; } = 5;

    /// <summary>Odd kernel size.</summary>
    public int Kernel { get; init; } = 3;

    /// <summary>
    /// Filter banks L of the relaxed models: rgroup and rtrans mix L kernels per group element or
    /// pixel; rsteer mixes L coefficient banks per output field and kernel tap (L &gt;= kernel^2: one
    /// free coefficient per tap, the paper's form).
    /// </summary>
    public int FilterBanks { get; init; } = 2;

    /// <summary>Weight of the relaxation penalty (ignored by strict models).</summary>
    public double Alpha { get; init; } = 1e-4;

    public double LearningRate { get; init; } = 1e-3;

    /// <summary>
    /// Factor on the learning rate of the relaxed weights only (RGroup's combination weights,
    /// RSteer's tap profiles or per-tap coefficients, the translation mixing weights); 1 trains them
    /// like every other weight, as the paper. Adam moves a weight by about the rate per step
    /// whatever its gradient's size, so in a short run relaxed weights stay near tied; a larger
    /// factor lets them move as far as the data ask within the same number of steps.
    /// </summary>
    public double RelaxedLearningRateFactor { get; init; } = 1;

    public double WeightDecay { get; init; } = 4e-4;

    /// <summary>Learning-rate factor applied after every epoch (step decay).</summary>
    public double Decay { get; init; } = 0.95;

    /// <summary>Most epochs to train.</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>Stop after this many epochs without a better validation loss (0: never stop early).</summary>
    public int Patience { get; init; } = 8;

    public int BatchSize { get; init; } = 16;

    /// <summary>Autoregressive steps whose per-step MSE is summed into the training loss.</summary>
    public int RolloutTrain { get; init; } = 6;

    /// <summary>Autoregressive steps of the Future / Domain tests.</summary>
    public int RolloutTest { get; init; } = 20;

    /// <summary>Past velocity frames stacked as input (2 channels each).</summary>
    public int InputFrames { get; init; } = 10;

    /// <summary>Training windows drawn (without replacement) per epoch; 0 uses all of them.</summary>
    public int TrainWindowsPerEpoch { get; init; }

    /// <summary>Stride between start frames of validation and test windows (1 = every start frame).</summary>
    public int EvalStride { get; init; } = 1;

    /// <summary>Emit a predicted-vs-true rollout snapshot every this many epochs (0: only at the end and on request).</summary>
    public int SnapshotEvery { get; init; } = 5;

    /// <summary>Validation windows on which the equivariance error is measured each epoch.</summary>
    public int EquivarianceSamples { get; init; } = 8;

    [JsonIgnore]
    public RelaxedModelKind Kind => RelaxedModelKinds.Parse(Model);

    /// <summary>Throws <see cref="InvalidInputException"/> naming the first field that is out of range.</summary>
    public void Validate()
    {
        _ = RelaxedModelKinds.Parse(Model);
        if (GroupOrder is not (1 or 2 or 4))
            _ = Groups.PlanarGroup.Create(GroupOrder, Reflections); // throws with the reason
        Require(VectorConvention is VectorConventions.Physical or VectorConventions.Published, "vector_convention",
            $"vector_convention must be {VectorConventions.Physical} or {VectorConventions.Published}, not '{VectorConvention}'");
        Require(VectorConvention == VectorConventions.Physical || (Kind.UsesGroup() && GroupOrder == 4 && !Reflections), "vector_convention",
            "vector_convention published applies only to the C4 group and steerable models (gconv, rgroup, steer, rsteer; group order 4, no reflections)");
        Require(Hidden is >= 1 and <= 1024, "hidden", $"hidden must be between 1 and 1024, not {Hidden}");
        Require(Layers is >= 2 and <= 32, "layers", $"layers must be between 2 and 32, not {Layers}");
        Require(Kernel is >= 1 and <= 11 && Kernel % 2 == 1, "kernel", $"kernel must be odd and between 1 and 11, not {Kernel}");
        Require(FilterBanks is >= 1 and <= 16, "filter_banks", $"filter_banks must be between 1 and 16, not {FilterBanks}");
        Require(double.IsFinite(Alpha) && Alpha >= 0, "alpha", $"alpha must be a finite number >= 0, not {Alpha}");
        Require(double.IsFinite(LearningRate) && LearningRate is > 0 and <= 1, "learning_rate", $"learning_rate must be in (0, 1], not {LearningRate}");
        Require(double.IsFinite(RelaxedLearningRateFactor) && RelaxedLearningRateFactor is > 0 and <= 1000, "relaxed_learning_rate_factor",
            $"relaxed_learning_rate_factor must be in (0, 1000], not {RelaxedLearningRateFactor}");
        Require(double.IsFinite(WeightDecay) && WeightDecay >= 0, "weight_decay", $"weight_decay must be >= 0, not {WeightDecay}");
        Require(double.IsFinite(Decay) && Decay is > 0 and <= 1, "decay", $"decay must be in (0, 1], not {Decay}");
        Require(Epochs is >= 1 and <= 10_000, "epochs", $"epochs must be between 1 and 10000, not {Epochs}");
        Require(Patience is >= 0 and <= 10_000, "patience", $"patience must be between 0 and 10000, not {Patience}");
        Require(BatchSize is >= 1 and <= 1024, "batch_size", $"batch_size must be between 1 and 1024, not {BatchSize}");
        Require(RolloutTrain is >= 1 and <= 100, "rollout_train", $"rollout_train must be between 1 and 100, not {RolloutTrain}");
        Require(RolloutTest is >= 1 and <= 200, "rollout_test", $"rollout_test must be between 1 and 200, not {RolloutTest}");
        Require(InputFrames is >= 1 and <= 64, "input_frames", $"input_frames must be between 1 and 64, not {InputFrames}");
        Require(TrainWindowsPerEpoch >= 0, "train_windows_per_epoch", "train_windows_per_epoch must be >= 0 (0 = all)");
        Require(EvalStride is >= 1 and <= 1000, "eval_stride", $"eval_stride must be between 1 and 1000, not {EvalStride}");
        Require(SnapshotEvery >= 0, "snapshot_every", "snapshot_every must be >= 0");
        Require(EquivarianceSamples is >= 1 and <= 256, "equivariance_samples", $"equivariance_samples must be between 1 and 256, not {EquivarianceSamples}");
    }

    /// <summary>Frames a simulation needs for one test window.</summary>
    [JsonIgnore]
    public int TestWindowLength => InputFrames + RolloutTest;

    [JsonIgnore]
    public int TrainWindowLength => InputFrames + RolloutTrain;

    [JsonIgnore]
    public bool UsesPublishedConvention => VectorConvention == VectorConventions.Published;

    private static void Require(bool ok, string field, string message)
    {
        if (!ok) throw new InvalidInputException(message + ".", field);
    }
}

/// <summary>The values of <see cref="RelaxedConfig.VectorConvention"/>.</summary>
public static class VectorConventions
{
    public const string Physical = "physical";
    public const string Published = "published";
}
