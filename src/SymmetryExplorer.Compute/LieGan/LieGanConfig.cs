namespace SymmetryExplorer.Compute.LieGan;

/// <summary>
/// Everything that defines a LieGAN run except the data and the seed. Defaults are the reference
/// implementation's (Rose-STL-Lab/LieGAN, main_lagan.py) except where a preset says otherwise.
/// Names are what the web form and result.json show (snake_case when serialised).
/// </summary>
public sealed record LieGanConfig
{
    /// <summary>C: number of Lie-algebra basis elements to learn.</summary>
    public int Channels { get; init; } = 1;

    /// <summary>random (randn, then Kaiming normal), zero, block2x2 (one 2x2 block per 2-vector), block4x4 (couples same-kind vectors: q1 with q2, p1 with p2), mask (<see cref="Mask"/>).</summary>
    public string Init { get; init; } = "block2x2";

    /// <summary>Scale of the randn initialisation (reference: 1 for block2x2, 0.01 for block4x4, Kaiming normal for random). Null: the mode's default.</summary>
    public double? InitScale { get; init; }

    /// <summary>A user mask (n x n of 0/1) for Init = mask: masked entries of L never matter.</summary>
    public double[][]? Mask { get; init; }

    /// <summary>
    /// normal: z ~ N(0, sigma^2); uniform: z ~ U(-m, m); uniform_int_grid: integers in [-m, m-1]
    /// (discrete symmetries, the reference's); nonzero_int_grid: integers in [-m, m] except 0, so
    /// every fake is transformed (with 0 a share of the fakes are the data themselves and carry no
    /// signal for the discriminator).
    /// </summary>
    public string CoefficientDistribution { get; init; } = "normal";

    /// <summary>
    /// Null: off. With uniform_int_grid, from this (fractional) epoch on 0 is left out (as
    /// nonzero_int_grid, same random draws): copies of the data among the fakes hold the
    /// discriminator back early, when a strong one can shrink L to the identity, and only dilute
    /// what it sees of a small error late.
    /// </summary>
    public double? NonzeroCoefficientsFromEpoch { get; init; }

    /// <summary>sigma_init: standard deviation of the coefficients (the reference's 2-body generators were trained with 3; its README says 1).</summary>
    public double Sigma { get; init; } = 1;

    /// <summary>m for the uniform distributions.</summary>
    public double UniformMax { get; init; } = 1;

    /// <summary>Use L_i / (sqrt(tr(L_i^T L_i)/n) + 1e-6) in the group element.</summary>
    public bool NormalizeL { get; init; }

    /// <summary>cosine (default), rel_diff, li_norm or none: the term that keeps L from collapsing to 0.</summary>
    public string Regularizer { get; init; } = "cosine";

    /// <summary>lambda: weight of <see cref="Regularizer"/>.</summary>
    public double Lambda { get; init; } = 1e-2;

    /// <summary>
    /// Null (the reference): lambda is constant. Otherwise lambda falls geometrically from
    /// <see cref="Lambda"/> to this value on the schedule's clock (<see cref="ScheduleStartEpoch"/>,
    /// <see cref="ScheduleEpochs"/>), whatever the learning-rate schedule: a strong regulariser to
    /// leave the identity, then a weak one that no longer pulls a found symmetry off its optimum
    /// (the discrete-rotation preset).
    /// </summary>
    public double? LambdaFinal { get; init; }

    /// <summary>
    /// Null (the reference): the cosine regulariser is |mean cos(gx, x)|. Otherwise it is
    /// max(|mean cos| - margin, 0): it pushes g away from the identity until the mean cosine
    /// similarity has fallen to the margin and then stops pulling, so the adversarial loss alone
    /// places a symmetry found beyond it (the plain term keeps pulling towards its own optimum,
    /// e.g. a 180-degree rotation, and biases or traps what is found).
    /// </summary>
    public double? CosineMargin { get; init; }

    /// <summary>mu: weight of the sparsity term ||L||_p (0 = off).</summary>
    public double SparsityWeight { get; init; }

    /// <summary>p of the sparsity norm.</summary>
    public double SparsityP { get; init; } = 2;

    /// <summary>eta: weight of the channel orthogonality term (0 when C = 1).</summary>
    public double OrthogonalityWeight { get; init; } = 1;

    public double GeneratorLearningRate { get; init; } = 1e-3;
    public double GeneratorBeta1 { get; init; } = 0.5;
    public double GeneratorBeta2 { get; init; } = 0.999;
    public double DiscriminatorLearningRate { get; init; } = 2e-4;

    /// <summary>
    /// Null: the discriminator's rate follows the generator's schedule (scaled by the same factor).
    /// Otherwise it falls geometrically to this value on the schedule's clock; equal to
    /// <see cref="DiscriminatorLearningRate"/> keeps it constant, so the discriminator keeps
    /// resolving small errors while the generator settles.
    /// </summary>
    public double? DiscriminatorLearningRateFinal { get; init; }
    public double DiscriminatorBeta1 { get; init; } = 0.9;
    public double DiscriminatorBeta2 { get; init; } = 0.999;

    /// <summary>
    /// constant (the reference), or exp-decay: the generator's learning rate stays at
    /// <see cref="GeneratorLearningRate"/> for <see cref="ScheduleStartEpoch"/> epochs, then falls
    /// geometrically to <see cref="GeneratorLearningRateFinal"/> over <see cref="ScheduleEpochs"/>
    /// epochs and stays there (see the two-body-fast preset). The discriminator's learning rate is
    /// scaled by the same factor, so the ratio of the two stays as configured.
    /// </summary>
    public string GeneratorSchedule { get; init; } = "constant";

    public double GeneratorLearningRateFinal { get; init; } = 1e-3;
    public double ScheduleEpochs { get; init; } = 5;
    public double ScheduleStartEpoch { get; init; }

    public int BatchSize { get; init; } = 64;
    public int Epochs { get; init; } = 100;

    /// <summary>
    /// Null (the reference): the run's answer is L at the last step. Otherwise, from this
    /// (fractional) epoch on, the answer is the average of L over every generator step since,
    /// each step weighted by its learning rate (Polyak-Ruppert averaging as in the ergodic average
    /// of saddle-point methods). Simultaneous G and D steps make L circle the equilibrium rather
    /// than settle on it, more slowly as the rates fall; the average sits at the centre of the
    /// circle. Training itself continues on the live L; the epoch metrics and snapshots show the
    /// average, with the live L's similarity as live_* metrics. At or past the last epoch no step
    /// is averaged and the answer is the last L.
    /// </summary>
    public double? GeneratorAverageFromEpoch { get; init; }

    /// <summary>
    /// 0 (the reference): off. Otherwise, when at the end of an epoch every channel of the live L
    /// has a Frobenius norm below <see cref="CollapseNorm"/>, the generator has collapsed to the
    /// identity: with coefficients symmetric about 0 (e.g. nonzero_int_grid) L = 0 is a stationary
    /// point in expectation (the +z and -z gradients cancel, and a discriminator that cannot tell
    /// x from x has no gradient to give), and the run does not leave it. The job then starts
    /// over with a fresh initialisation from a derived seed (seed + k x 1,000,003 for the k-th
    /// restart), at most this many times; the collapsed epochs stay in the history and the restart
    /// is logged and listed in the result. The check uses nothing but L, no reference.
    /// </summary>
    public int CollapseRestarts { get; init; }

    /// <summary>The norm below which L counts as collapsed (see <see cref="CollapseRestarts"/>).</summary>
    public double CollapseNorm { get; init; } = 1e-2;

    /// <summary>Width of the discriminator's two hidden layers.</summary>
    public int HiddenWidth { get; init; } = 512;

    /// <summary>
    /// Number of random Fourier features in front of the discriminator (0 = off, the reference's
    /// plain MLP). With m > 0 the discriminator sees [v, sin(v B), cos(v B)] for its flattened input v,
    /// B fixed with entries N(0, s^2), s = <see cref="DiscriminatorFourierScale"/>: a ReLU MLP on raw
    /// coordinates learns high angular harmonics very slowly (spectral bias), and a C_k symmetry is
    /// only visible in the k-th harmonic (see the README's discrete-rotation benchmark).
    /// </summary>
    public int DiscriminatorFourierFeatures { get; init; }

    /// <summary>s: standard deviation of the Fourier frequencies; a plane wave of frequency |w| carries angular harmonics up to about |w| times the radius.</summary>
    public double DiscriminatorFourierScale { get; init; } = 6;

    /// <summary>
    /// gamma of an R1 gradient penalty on the discriminator, gamma/2 * E_real |grad_v logit D(v)|^2
    /// over its input v (0 = off, the reference). Plain simultaneous GAN steps circle around the
    /// equilibrium instead of settling on it (Mescheder, Geiger and Nowozin, ICML 2018); R1 makes the
    /// equilibrium attracting, so a found symmetry stops wandering.
    /// </summary>
    public double DiscriminatorGradientPenalty { get; init; }

    /// <summary>Size of the class-label embedding (class targets).</summary>
    public int EmbeddingSize { get; init; } = 32;

    /// <summary>Write a checkpoint every this many epochs (0 = never; the last epoch is always written when > 0).</summary>
    public int CheckpointEvery { get; init; } = 1;

    /// <summary>Also report progress and batch-scope losses every this many batches (0 = once per epoch only).</summary>
    public int ReportEveryBatches { get; init; }

    /// <summary>Real vs transformed points in the "samples" snapshot.</summary>
    public int SampleCount { get; init; } = 256;

    /// <summary>Reference algebra to compare with (so2-blocks, so3, so13, rotation-z-2pi/7) or null.</summary>
    public string? ReferenceAlgebra { get; init; }

    public static readonly IReadOnlyList<string> InitModes = ["random", "zero", "block2x2", "block4x4", "mask"];
    public static readonly IReadOnlyList<string> CoefficientDistributions = ["normal", "uniform", "uniform_int_grid", "nonzero_int_grid"];
    public static readonly IReadOnlyList<string> Regularizers = ["cosine", "rel_diff", "li_norm", "none"];
    public static readonly IReadOnlyList<string> Schedules = ["constant", "exp-decay"];

    /// <summary>Throws <see cref="InvalidInputException"/> naming the first bad field.</summary>
    public LieGanConfig Validate()
    {
        Range(Channels, 1, 64, "channels");
        OneOf(Init, InitModes, "init");
        OneOf(CoefficientDistribution, CoefficientDistributions, "coefficient_distribution");
        OneOf(Regularizer, Regularizers, "regularizer");
        OneOf(GeneratorSchedule, Schedules, "generator_schedule");
        if (Init == "mask" && Mask is null) throw new InvalidInputException("init 'mask' needs a mask (an n x n matrix of 0 and 1).", "mask");
        if (InitScale is { } s) Positive(s, "init_scale", 1e3);
        Positive(Sigma, "sigma", 1e3);
        Positive(UniformMax, "uniform_max", 1e4);
        if (NonzeroCoefficientsFromEpoch is { } nonzeroFrom)
        {
            NonNegative(nonzeroFrom, "nonzero_coefficients_from_epoch");
            if (CoefficientDistribution != "uniform_int_grid")
                throw new InvalidInputException("nonzero_coefficients_from_epoch applies to coefficient_distribution=uniform_int_grid only; leave it empty otherwise.", "nonzero_coefficients_from_epoch");
        }
        if (CoefficientDistribution.EndsWith("_int_grid", StringComparison.Ordinal) && (UniformMax < 1 || UniformMax != Math.Floor(UniformMax)))
            throw new InvalidInputException($"uniform_max must be a whole number >= 1 for {CoefficientDistribution} (the largest integer coefficient), not {UniformMax}.", "uniform_max");
        NonNegative(Lambda, "lambda");
        if (LambdaFinal is { } lf)
        {
            Positive(lf, "lambda_final", 1e6);
            if (Lambda <= 0) throw new InvalidInputException("lambda_final needs a positive lambda to decay from.", "lambda_final");
        }
        if (CosineMargin is { } margin)
        {
            if (Regularizer != "cosine") throw new InvalidInputException("cosine_margin applies to the cosine regulariser only; set regularizer=cosine or leave cosine_margin empty.", "cosine_margin");
            if (!(margin >= 0 && margin < 1)) throw new InvalidInputException($"cosine_margin must be in [0, 1) (a mean cosine similarity), got {margin}.", "cosine_margin");
        }
        NonNegative(SparsityWeight, "sparsity_weight");
        Positive(SparsityP, "sparsity_p", 100);
        NonNegative(OrthogonalityWeight, "orthogonality_weight");
        Positive(GeneratorLearningRate, "generator_learning_rate", 10);
        Positive(GeneratorLearningRateFinal, "generator_learning_rate_final", 10);
        Positive(DiscriminatorLearningRate, "discriminator_learning_rate", 10);
        if (DiscriminatorLearningRateFinal is { } dFinal) Positive(dFinal, "discriminator_learning_rate_final", 10);
        Beta(GeneratorBeta1, "generator_beta1");
        Beta(GeneratorBeta2, "generator_beta2");
        Beta(DiscriminatorBeta1, "discriminator_beta1");
        Beta(DiscriminatorBeta2, "discriminator_beta2");
        Positive(ScheduleEpochs, "schedule_epochs", 1e5);
        NonNegative(ScheduleStartEpoch, "schedule_start_epoch");
        Range(BatchSize, 1, 65536, "batch_size");
        Range(Epochs, 1, 100000, "epochs");
        // At or past the last epoch is allowed (a short demo run of a preset that averages): the
        // job then says that the answer is the last L.
        if (GeneratorAverageFromEpoch is { } averageFrom) NonNegative(averageFrom, "generator_average_from_epoch");
        Range(CollapseRestarts, 0, 10, "collapse_restarts");
        Positive(CollapseNorm, "collapse_norm", 1e3);
        Range(HiddenWidth, 1, 16384, "hidden_width");
        Range(EmbeddingSize, 1, 4096, "embedding_size");
        Range(DiscriminatorFourierFeatures, 0, 16384, "discriminator_fourier_features");
        Positive(DiscriminatorFourierScale, "discriminator_fourier_scale", 1e4);
        NonNegative(DiscriminatorGradientPenalty, "discriminator_gradient_penalty");
        Range(CheckpointEvery, 0, 100000, "checkpoint_every");
        Range(ReportEveryBatches, 0, 1_000_000, "report_every_batches");
        Range(SampleCount, 1, 100000, "sample_count");
        return this;
    }

    /// <summary>The randn scale the init mode uses.</summary>
    public double EffectiveInitScale => InitScale ?? (Init == "block4x4" ? 0.01 : 1.0);

    private static void Range(int value, int min, int max, string field)
    {
        if (value < min || value > max)
            throw new InvalidInputException($"{field.Replace('_', ' ')} must be between {min} and {max}, not {value}.", field);
    }

    private static void Positive(double value, string field, double max)
    {
        if (!double.IsFinite(value) || value <= 0 || value > max)
            throw new InvalidInputException($"{field.Replace('_', ' ')} must be a positive number up to {max}, not {value}.", field);
    }

    private static void NonNegative(double value, string field)
    {
        if (!double.IsFinite(value) || value < 0 || value > 1e6)
            throw new InvalidInputException($"{field.Replace('_', ' ')} must be 0 or a positive number up to 1e6, not {value}.", field);
    }

    private static void Beta(double value, string field)
    {
        if (!double.IsFinite(value) || value < 0 || value >= 1)
            throw new InvalidInputException($"{field.Replace('_', ' ')} must be in [0, 1), not {value}.", field);
    }

    private static void OneOf(string value, IReadOnlyList<string> allowed, string field)
    {
        if (!allowed.Contains(value))
            throw new InvalidInputException($"{field.Replace('_', ' ')} must be one of {string.Join(", ", allowed)}, not '{value}'.", field);
    }
}
