using SymmetryExplorer.Compute.LieGan;
using SymmetryExplorer.Web.Features.Runs.Kinds;

namespace SymmetryExplorer.Web.Features.LieGan;

/// <summary>Labels and help for the LieGAN configuration form.</summary>
public static class LieGanFieldHints
{
    public static readonly IReadOnlyDictionary<string, ConfigFieldHint> All = new Dictionary<string, ConfigFieldHint>
    {
        ["epochs"] = new("Epochs", "Passes over the training pairs."),
        ["channels"] = new("Generators (C)", "How many Lie-algebra basis elements to learn."),
        ["init"] = new("Initialisation", "block2x2 couples each 2-vector; block4x4 couples like vectors; random is unconstrained.", [.. LieGanConfig.InitModes]),
        ["init_scale"] = new("Init scale", "randn scale of the initial L; empty uses the mode's default (Kaiming normal for random).", Advanced: true, OptionalNumber: true),
        ["mask"] = new("Mask", "n x n matrix of 0/1 for init = mask, as JSON.", Advanced: true),
        ["coefficient_distribution"] = new("Coefficients", "How z in exp(Σ z L) is drawn; uniform_int_grid (or nonzero_int_grid, which never draws 0) for discrete symmetries.", [.. LieGanConfig.CoefficientDistributions]),
        ["nonzero_coefficients_from_epoch"] = new("Drop z = 0 from epoch", "uniform_int_grid only: from this epoch on 0 is not drawn (every fake is moved). Empty: never.", Advanced: true, OptionalNumber: true),
        ["sigma"] = new("σ (coefficients)", "Standard deviation of z."),
        ["uniform_max"] = new("m (uniform)", "Range of the uniform coefficient distributions."),
        ["normalize_l"] = new("Normalise L", Advanced: true),
        ["regularizer"] = new("Regulariser", "Keeps L from collapsing to zero.", [.. LieGanConfig.Regularizers]),
        ["lambda"] = new("λ (regulariser)", "Weight of the regulariser."),
        ["lambda_final"] = new("Final λ", "Empty keeps λ constant; otherwise λ falls geometrically to this value over the schedule epochs.", Advanced: true, OptionalNumber: true),
        ["cosine_margin"] = new("Cosine margin", "Empty: the paper's cosine term. Otherwise the term stops pulling once the mean cosine similarity of x and g·x is below this value.", Advanced: true, OptionalNumber: true),
        ["sparsity_weight"] = new("μ (sparsity)", "Weight of ||L||ₚ; 0 is off.", Advanced: true),
        ["sparsity_p"] = new("p (sparsity)", Advanced: true),
        ["orthogonality_weight"] = new("η (channel orthogonality)", "Pushes generators apart when C > 1."),
        ["generator_learning_rate"] = new("Generator LR", "Adam learning rate of L."),
        ["generator_beta1"] = new("Generator β₁", Advanced: true),
        ["generator_beta2"] = new("Generator β₂", Advanced: true),
        ["discriminator_learning_rate"] = new("Discriminator LR"),
        ["discriminator_learning_rate_final"] = new("Final discriminator LR", "Empty: follows the generator's schedule; otherwise falls to this value over the schedule epochs (equal to the start keeps it constant).", Advanced: true, OptionalNumber: true),
        ["discriminator_beta1"] = new("Discriminator β₁", Advanced: true),
        ["discriminator_beta2"] = new("Discriminator β₂", Advanced: true),
        ["generator_schedule"] = new("Generator LR schedule", "exp-decay falls to the final LR over the schedule epochs.", [.. LieGanConfig.Schedules]),
        ["generator_learning_rate_final"] = new("Final generator LR", Advanced: true),
        ["schedule_epochs"] = new("Schedule epochs", Advanced: true),
        ["schedule_start_epoch"] = new("Schedule start epoch", "Epochs before the schedules (LR, λ, discriminator LR) start to fall.", Advanced: true),
        ["batch_size"] = new("Batch size"),
        ["generator_average_from_epoch"] = new("Average L from epoch", "Empty: the answer is the last L. Otherwise L averaged over the steps from this epoch on (weighted by the learning rate): the centre the generator circles.", Advanced: true, OptionalNumber: true),
        ["collapse_restarts"] = new("Restarts after a collapse", "If L shrinks to zero (the generator has become the identity and cannot leave it), start over from a fresh seed, at most this many times; 0 = never.", Advanced: true),
        ["collapse_norm"] = new("Collapse norm", "|L| below which L counts as collapsed.", Advanced: true),
        ["hidden_width"] = new("Discriminator width", Advanced: true),
        ["embedding_size"] = new("Label embedding size", Advanced: true),
        ["discriminator_fourier_features"] = new("Discriminator Fourier features", "Random Fourier features of the discriminator's input (0 = off, the paper's); lets it see fine angular structure such as a C7 symmetry.", Advanced: true),
        ["discriminator_fourier_scale"] = new("Fourier frequency scale", "Standard deviation of the random frequencies.", Advanced: true),
        ["discriminator_gradient_penalty"] = new("Gradient penalty (R1)", "γ of an R1 penalty on the discriminator (0 = off, the paper's); lets the generator settle on a found symmetry instead of circling it.", Advanced: true),
        ["checkpoint_every"] = new("Checkpoint every (epochs)", "0 = only at the end.", Advanced: true),
        ["report_every_batches"] = new("Report every (batches)", "Live progress inside an epoch; 0 = per epoch.", Advanced: true),
        ["sample_count"] = new("Samples shown", Advanced: true),
        ["reference_algebra"] = new("Reference algebra", "What to compare the discovered algebra with.", ["so2-blocks", "so3", "so13", "rotation-z-2pi/7", "none"]),
    };
}
