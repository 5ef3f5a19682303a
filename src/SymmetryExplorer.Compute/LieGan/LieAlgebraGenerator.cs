using SymmetryExplorer.Compute.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.LieGan;

/// <summary>
/// LieGAN's generator: a learnable basis L (C, n, n) of a Lie algebra and a coefficient distribution
/// (mu, sigma; frozen). For each sample it draws z, forms g = exp(sum_i z_i L_i) and applies the same
/// g to every time step of x (and of y when y is a vector).
/// </summary>
public sealed class LieAlgebraGenerator : nn.Module
{
    private readonly LieGanConfig _config;
    private readonly Tensor? _mask;

    public LieAlgebraGenerator(LieGanConfig config, int n, double[,]? mask) : base(nameof(LieAlgebraGenerator))
    {
        _config = config;
        Dimension = n;
        Channels = config.Channels;
        int C = config.Channels;
        sigma = new Parameter(eye(C, C) * config.Sigma, requires_grad: false);
        mu = new Parameter(zeros(C), requires_grad: false);
        Tensor init;
        switch (config.Init)
        {
            case "random" when config.InitScale is { } scale:
                // A chosen scale instead of the reference's: small starts grow mostly along the
                // rotations, which move points furthest for their size.
                init = randn(C, n, n) * scale;
                break;
            case "random":
                // As the reference: randn, then overwritten by Kaiming normal (std sqrt(2 / n^2) for a (C, n, n) tensor).
                init = randn(C, n, n);
                nn.init.kaiming_normal_(init);
                break;
            case "zero":
                init = zeros(C, n, n);
                break;
            default:
                init = randn(C, n, n) * config.EffectiveInitScale;
                break;
        }
        L = new Parameter(init);
        if (mask is not null)
        {
            _mask = tensor(Algebra.AlgebraSimilarity.Flatten(mask), dtype: float32).reshape(n, n);
            register_buffer("mask", _mask);
        }
        // Registered by hand so the state dict reads L, sigma, mu (reflection would use backing-field names).
        register_parameter("L", L);
        register_parameter("sigma", sigma);
        register_parameter("mu", mu);
    }

    /// <summary>The raw learnable basis (C, n, n).</summary>
    public Parameter L { get; }

    // Frozen like the reference's default 'lie' model; registered so checkpoints hold them.
    private readonly Parameter sigma;
    private readonly Parameter mu;

    public int Dimension { get; }
    public int Channels { get; }

    /// <summary>L with the mask applied: the generators the group is made of (before any normalisation).</summary>
    public Tensor MaskedL() => Masked(L);

    /// <summary>L_i / (sqrt(tr(L_i^T L_i) / n) + 1e-6), masked.</summary>
    public Tensor NormalizedL() => Normalized(MaskedL());

    /// <summary>What exp is taken of: normalised when configured, masked always.</summary>
    public Tensor EffectiveL() => Effective(L);

    /// <summary>What exp would be taken of for another basis of L's shape (an average of L, say).</summary>
    public Tensor Effective(Tensor raw) => _config.NormalizeL ? Normalized(Masked(raw)) : Masked(raw);

    private Tensor Masked(Tensor raw) =>
        _mask is null ? raw : raw.dtype == _mask.dtype ? raw * _mask : raw * _mask.to_type(raw.dtype);

    private Tensor Normalized(Tensor l)
    {
        var factor = (l * l).sum([1, 2], keepdim: true).DividedBy(Dimension).sqrt();
        return l / factor.Plus(1e-6);
    }

    /// <summary>
    /// Draws coefficients z (B, C) from the configured distribution with <paramref name="generator"/>;
    /// at <paramref name="epochPosition"/> past nonzero_coefficients_from_epoch an integer grid leaves out 0.
    /// </summary>
    public Tensor SampleCoefficients(long batch, torch.Generator generator, Device device, double epochPosition = 0)
    {
        int C = Channels;
        string distribution = _config.CoefficientDistribution == "uniform_int_grid" && epochPosition >= _config.NonzeroCoefficientsFromEpoch
            ? "nonzero_int_grid" : _config.CoefficientDistribution;
        Tensor z = distribution switch
        {
            "uniform" => rand(batch, C, generator: generator).Times(2 * _config.UniformMax).Plus(-_config.UniformMax),
            "uniform_int_grid" => randint(-(long)_config.UniformMax, (long)_config.UniformMax, [batch, C], dtype: float32, generator: generator),
            "nonzero_int_grid" => NonzeroIntegers(batch, C, (long)_config.UniformMax, generator),
            _ => matmul(randn(batch, C, generator: generator), sigma.cpu()).Plus(mu.cpu()),
        };
        return z.to(device);
    }

    /// <summary>Uniform on {-m, ..., -1, 1, ..., m}: u uniform on [-m, m), and 1 added where u &gt;= 0.</summary>
    private static Tensor NonzeroIntegers(long batch, int channels, long m, torch.Generator generator)
    {
        var u = randint(-m, m, [batch, channels], dtype: float32, generator: generator);
        return u.Plus(u.ge(zeros_like(u)).to_type(float32));
    }

    /// <summary>g = exp(sum_i z_i L_i): (B, n, n), with the live L or a given effective basis (C, n, n).</summary>
    public Tensor GroupElements(Tensor z, Tensor? effectiveL = null)
    {
        var l = effectiveL ?? EffectiveL();
        var algebra = matmul(z, l.reshape(Channels, -1)).reshape(-1, Dimension, Dimension);
        return linalg.matrix_exp(algebra);
    }

    /// <summary>x'[b, t] = g[b] x[b, t] for x of shape (B, T, n).</summary>
    public static Tensor Act(Tensor g, Tensor x) => matmul(x, g.transpose(1, 2));
}
