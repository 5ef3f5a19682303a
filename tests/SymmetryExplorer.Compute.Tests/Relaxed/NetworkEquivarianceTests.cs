using SymmetryExplorer.Compute.Relaxed;
using SymmetryExplorer.Compute.Relaxed.Groups;
using SymmetryExplorer.Compute.Relaxed.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Tests.Relaxed;

public class NetworkEquivarianceTests
{
    public NetworkEquivarianceTests() => TorchFixture.Ensure();

    private static RelaxedConfig Config(string model, int layers = 5, bool reflections = false, int banks = 2) => new()
    {
        Model = model, Hidden = 4, Layers = layers, InputFrames = 3, FilterBanks = banks, Reflections = reflections,
    };

    /// <summary>
    /// Random weights everywhere, biases included, keeping relaxed weights tied: combination weights
    /// random per bank but equal over group elements, steerable per-tap coefficients random but equal
    /// over taps, steerable tap-mixing weights random per bank but equal over taps.
    /// </summary>
    internal static void RandomiseKeepingTied(RelaxedNetwork network)
    {
        using var _ = no_grad();
        foreach (var (name, p) in network.named_parameters())
        {
            if (name.EndsWith("combination", StringComparison.Ordinal))
                p.copy_((randn(p.shape[0], 1) * 0.5 + 0.5).expand_as(p));
            else if (name.EndsWith("tapMix", StringComparison.Ordinal)) // (L, O, taps): random per bank and field, equal over taps
                p.copy_((randn(p.shape[0], p.shape[1], 1) * 0.5 + 0.5).expand_as(p));
            else if (name.EndsWith("coefficients", StringComparison.Ordinal) && network.Kind == RelaxedModelKind.RSteer && !HasTapMix(network))
                p.copy_((randn(p.shape[0], p.shape[1], p.shape[2], 1) * 0.3).expand_as(p));
            else
                p.copy_(randn_like(p) * 0.3);
        }
    }

    private static bool HasTapMix(RelaxedNetwork network) =>
        network.named_parameters().Any(p => p.name.EndsWith("tapMix", StringComparison.Ordinal));

    [Theory]
    [InlineData("gconv", 5, false, 2)]
    [InlineData("rgroup", 5, false, 2)]
    [InlineData("steer", 5, false, 2)]
    [InlineData("rsteer", 5, false, 2)]
    [InlineData("rsteer", 5, false, 9)]
    [InlineData("gconv", 2, false, 2)]
    [InlineData("rsteer", 2, false, 1)]
    [InlineData("rsteer", 2, false, 9)]
    [InlineData("rgroup", 3, true, 2)]
    [InlineData("steer", 3, true, 2)]
    [InlineData("rsteer", 3, true, 2)]
    public void Strict_and_tied_relaxed_networks_are_equivariant_for_every_group_element(string model, int layers, bool reflections, int banks)
    {
        manual_seed(21);
        var config = Config(model, layers, reflections, banks);
        using var network = RelaxedNetworks.Create(config, 12, 12);
        RandomiseKeepingTied(network);
        var group = PlanarGroup.Create(4, reflections);
        var x = randn(2, 2 * config.InputFrames, 12, 12);

        var errors = Equivariance.Errors(network.forward, x, group, FieldKind.Vector, FieldKind.Vector);

        Assert.Equal(group.Order - 1, errors.Count);
        Equivariance.AssertEquivariant(errors, 1e-5, $"{model} ({group.Name}, {layers} layers)");
        Assert.All(network.Drift().Values, d => Assert.True(d < 1e-12));
    }

    [Theory]
    [InlineData("conv")]
    [InlineData("rtrans")]
    public void The_plain_convnet_is_not_rotation_equivariant(string model)
    {
        manual_seed(22);
        using var network = RelaxedNetworks.Create(Config(model), 12, 12);
        network.eval();
        var errors = Equivariance.Errors(network.forward, randn(2, 6, 12, 12), PlanarGroup.C4, FieldKind.Vector, FieldKind.Vector);
        Assert.All(errors.Values, e => Assert.True(e > 0.05, $"a random ConvNet should not be equivariant ({e:E2})"));
    }

    [Fact]
    public void Relaxed_translation_conv_with_equal_mixing_weights_is_a_plain_convolution_with_the_mean_kernel()
    {
        manual_seed(23);
        using var layer = new SymmetryExplorer.Compute.Relaxed.Layers.RelaxedTranslationConv("t", 3, 4, 3, banks: 3, height: 10, width: 10);
        var x = randn(2, 3, 10, 10);

        var y = layer.forward(x);
        var meanKernel = layer.Weight.mean([0]);
        var expected = nn.functional.conv2d(x, meanKernel, padding: [1, 1]);

        Assert.True(allclose(y, expected, rtol: 1e-5, atol: 1e-5));
        // Translating the input (away from the zero-padded border) translates the output.
        var shifted = layer.forward(roll(x, 2, 3));
        Assert.True(allclose(shifted[.., .., 2..8, 4..8], roll(y, 2, 3)[.., .., 2..8, 4..8], atol: 1e-5));
    }

    [Theory]
    [InlineData("conv", 263)]
    [InlineData("gconv", 547)]
    [InlineData("rgroup", 1111)]
    [InlineData("steer", 492)]
    [InlineData("rsteer", 1104)]
    [InlineData("rtrans", 890)]
    [InlineData("rsteer", 4380, 9)]
    public void Parameter_counts_match_a_hand_count(string model, long expected, int banks = 2)
    {
        // 2 input frames, 3 layers, hidden 3, kernel 3, C4, L = 2, 8 x 8 grid. Steerable coefficients
        // per layer (basis 18 / 36 / 18): 3*18*2 + 3*36*3 + 1*18*3 = 486, biases 3 + 3 (none on the
        // vector output): steer 492; rsteer with 2 banks 2 * 486 + 2 * 9 mixing weights per output field
        // (3 + 3 + 1 fields) + 6 = 1104; with a free coefficient per tap (9 banks or more) 9 * 486 + 6 = 4380.
        var config = new RelaxedConfig { Model = model, Hidden = 3, Layers = 3, InputFrames = 2, FilterBanks = banks };
        Assert.Equal(expected, RelaxedNetworks.ParameterCount(config, 8, 8));
    }
}
