using SymmetryExplorer.Compute.Relaxed;
using SymmetryExplorer.Web.Features.Runs.Kinds;

namespace SymmetryExplorer.Web.Features.Relaxed;

/// <summary>Labels and help for the relaxed-training form.</summary>
public static class RelaxedFieldHints
{
    public static readonly IReadOnlyDictionary<string, ConfigFieldHint> All = new Dictionary<string, ConfigFieldHint>
    {
        ["model"] = new("Model", "conv, gconv, rgroup, steer, rsteer or rtrans.", [.. RelaxedModelKinds.Names]),
        ["group_order"] = new("Group order n (C_n)", "Rotations by 360°/n; 4 is exact on a square grid."),
        ["reflections"] = new("Reflections (D_n)", Advanced: true),
        ["vector_convention"] = new("Vector convention",
            "physical turns vectors with the grid (right); published reproduces the published code's wrong 90° convention, to measure its cost.",
            [VectorConventions.Physical, VectorConventions.Published], Advanced: true),
        ["hidden"] = new("Hidden width", "Channels (conv, rtrans) or regular fields (group models)."),
        ["layers"] = new("Layers"),
        ["kernel"] = new("Kernel size", Advanced: true),
        ["filter_banks"] = new("Filter banks L", "Relaxed layers mix L banks (rsteer: per tap; kernel² = the paper's per-tap form)."),
        ["alpha"] = new("α (relaxation penalty)", "How strongly relaxed weights are held together."),
        ["learning_rate"] = new("Learning rate"),
        ["relaxed_learning_rate_factor"] = new("Relaxed-weight LR factor", "Multiplies the learning rate of the relaxed weights only; 1 = the paper. Larger lets them relax within a short run.", Advanced: true),
        ["weight_decay"] = new("Weight decay", Advanced: true),
        ["decay"] = new("LR decay per epoch", Advanced: true),
        ["epochs"] = new("Epochs", "Most epochs; early stopping may end sooner."),
        ["patience"] = new("Patience", "Epochs without a better validation loss before stopping (0 = never)."),
        ["batch_size"] = new("Batch size"),
        ["rollout_train"] = new("Rollout (training)", "Autoregressive steps in the training loss.", Advanced: true),
        ["rollout_test"] = new("Rollout (test)", "Steps of the Future / Domain tests.", Advanced: true),
        ["input_frames"] = new("Input frames", Advanced: true),
        ["train_windows_per_epoch"] = new("Windows per epoch", "0 uses every training window.", Advanced: true),
        ["eval_stride"] = new("Evaluation stride", Advanced: true),
        ["snapshot_every"] = new("Rollout view every (epochs)", Advanced: true),
        ["equivariance_samples"] = new("Equivariance samples", Advanced: true),
    };
}
