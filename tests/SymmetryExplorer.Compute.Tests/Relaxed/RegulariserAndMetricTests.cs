using SymmetryExplorer.Compute.Relaxed;
using SymmetryExplorer.Compute.Relaxed.Groups;
using SymmetryExplorer.Compute.Relaxed.Layers;
using SymmetryExplorer.Compute.Relaxed.Metrics;
using SymmetryExplorer.Compute.Relaxed.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Tests.Relaxed;

public class RegulariserAndMetricTests
{
    public RegulariserAndMetricTests() => TorchFixture.Ensure();

    [Fact]
    public void RGroup_penalty_and_drift_on_hand_computed_weights()
    {
        using var layer = new RelaxedGroupConv("g", PlanarGroup.C4, FieldKind.Vector, 1, 1, 3, banks: 2, relaxed: true, relu: true);
        using (no_grad()) layer.Combination!.copy_(tensor(new float[,] { { 1, 0.5f, 0.5f, 0.5f }, { 0.2f, 0.2f, 0.2f, 0.6f } }));

        // sum_l sum_{g,h} |w_l(g) - w_l(h)|: bank 0 has 6 ordered pairs differing by 0.5, bank 1 six by 0.4.
        Assert.Equal(6 * 0.5 + 6 * 0.4, layer.Penalty().item<float>(), 5);
        // Drift: bank 0 mean 0.625, |w - mean| sums to 0.75; bank 1 mean 0.3, sums to 0.6; over sum |mean| = 2.5 + 1.2.
        Assert.Equal((0.75 + 0.6) / (2.5 + 1.2), layer.Drift(), 6);
    }

    [Fact]
    public void RSteer_penalty_is_the_mean_absolute_difference_between_neighbouring_taps()
    {
        using var layer = new RelaxedSteerableConv("s", PlanarGroup.C4, FieldKind.Vector, 1, FieldKind.Regular, 1, 3, relaxed: true, relu: true);
        var c = layer.Coefficients; // (1, 18, 1, 9)
        using (no_grad())
        {
            c.zero_();
            c[0, 0, 0, 4] = tensor(1f); // centre tap of one coefficient
        }
        // Four neighbour differences of 1 (left, right, below, above the centre) among 12 per coefficient row, 18 rows.
        Assert.Equal(4.0 / (12 * 18), layer.Penalty().item<float>(), 6);
    }

    [Fact]
    public void Banked_RSteer_mixes_its_banks_per_tap_and_penalises_the_mixed_coefficients()
    {
        using var layer = new RelaxedSteerableConv("s", PlanarGroup.C4, FieldKind.Vector, 1, FieldKind.Regular, 1, 3,
                                                   relaxed: true, relu: true, banks: 2);
        var banks = layer.Coefficients; // (2, 1, 18, 1)
        var mix = layer.TapMix!;        // (2, 1, 9): per bank, output field and tap; initialised 1/2: tied
        Assert.Equal(new long[] { 2, 1, 18, 1 }, banks.shape);
        Assert.Equal(0, layer.Penalty().item<float>());
        using (no_grad())
        {
            banks.zero_();
            banks[0, 0, 0, 0] = tensor(2f);
            banks[1, 0, 0, 0] = tensor(-1f);
            mix.fill_(0.5f);
            mix[0, 0, 4] = tensor(1f); // centre tap: 2 * 1 + (-1) * 0.5 = 1.5; other taps 2 * 0.5 - 0.5 = 0.5
        }
        var c = layer.TapCoefficients(); // (1, 18, 1, 9)
        Assert.Equal(1.5f, c[0, 0, 0, 4].item<float>(), 6);
        Assert.Equal(0.5f, c[0, 0, 0, 0].item<float>(), 6);
        // As for per-tap coefficients: four neighbour differences of 1 among 12 per row, 18 rows.
        Assert.Equal(4.0 / (12 * 18), layer.Penalty().item<float>(), 6);
        // Drift: row mean (8 * 0.5 + 1.5) / 9; sum |c - mean| over that row / (9 * |mean|).
        double mean = (8 * 0.5 + 1.5) / 9;
        Assert.Equal((8 * (mean - 0.5) + (1.5 - mean)) / (9 * mean), layer.Drift(), 6);
    }

    [Fact]
    public void RTrans_penalty_is_the_total_variation_of_the_mixing_weights()
    {
        using var layer = new RelaxedTranslationConv("t", 2, 2, 3, banks: 2, height: 6, width: 6);
        Assert.Equal(0, layer.Penalty().item<float>());
        using (no_grad()) layer.Mix[2, 3, 1] = tensor(0.5f + 0.25f); // one interior pixel of bank 1 raised by 0.25
        Assert.Equal(4 * 0.25, layer.Penalty().item<float>(), 6);
    }

    [Theory]
    [InlineData("rgroup", 5 * 2 * 4)]   // five layers of combination weights (banks 2 x |C4|)
    [InlineData("rsteer", -1)]          // the tap profiles of the banked form
    [InlineData("gconv", 0)]
    public void Learning_rate_scales_pick_out_exactly_the_relaxed_weights(string model, int expectedRelaxed)
    {
        using var net = RelaxedNetworks.Create(new RelaxedConfig { Model = model, Hidden = 3, FilterBanks = model == "rsteer" ? 1 : 2 }, 8, 8);
        var scales = net.LearningRateScales(7);
        var parameters = net.parameters().ToArray();
        long relaxed = parameters.Zip(scales).Where(p => p.Second == 7).Sum(p => p.First.numel());
        long expected = expectedRelaxed >= 0 ? expectedRelaxed : net.RelaxedLayers.Cast<RelaxedSteerableConv>().Sum(l => l.TapMix!.numel());
        Assert.Equal(expected, relaxed);
        Assert.All(scales, s => Assert.True(s is 1 or 7));
        if (model == "rsteer") Assert.True(relaxed > 0);
        Assert.Equal("relaxed_learning_rate_factor",
            Assert.Throws<InvalidInputException>(() => new RelaxedConfig { RelaxedLearningRateFactor = 0 }.Validate()).Field);
    }

    [Fact]
    public void The_network_penalty_is_alpha_times_the_sum_over_relaxed_layers_and_zero_for_strict_models()
    {
        var config = new RelaxedConfig { Model = "rgroup", Hidden = 2, Layers = 3, InputFrames = 1, FilterBanks = 2 };
        using var net = RelaxedNetworks.Create(config, 8, 8);
        using (no_grad())
            foreach (var layer in net.RelaxedLayers.Cast<RelaxedGroupConv>())
                layer.Combination!.copy_(tensor(new float[,] { { 1, 0, 0, 0 }, { 0, 0, 0, 0 } }));
        // Each layer: bank 0 has 6 ordered pairs differing by 1; three layers; alpha 0.1.
        Assert.Equal(0.1 * 3 * 6, net.Penalty(0.1).item<float>(), 5);

        using var strict = RelaxedNetworks.Create(config with { Model = "gconv" }, 8, 8);
        Assert.Equal(0, strict.Penalty(0.1).item<float>());
        Assert.Empty(strict.Drift());
    }

    [Fact]
    public void The_energy_spectrum_puts_a_single_wave_in_its_shell_and_the_error_vanishes_for_equal_fields()
    {
        int n = 16;
        var field = zeros(1, 2, n, n, dtype: float64);
        for (int x = 0; x < n; x++)
            field[0, 0, .., x] = tensor(Math.Cos(2 * Math.PI * 3 * x / n)); // vx = cos(2 pi 3 x / N), wavenumber 3

        var spectrum = EnergySpectrum.Spectrum(field)[0].data<double>().ToArray();

        Assert.Equal(8, spectrum.Length);
        // Mean-square of the wave is 1/2, kinetic energy 1/4, all of it in shell k = 3.
        Assert.Equal(0.25, spectrum[2], 10);
        Assert.Equal(0.25, spectrum.Sum(), 10);
        Assert.Equal(0, EnergySpectrum.Error(field, field.clone()), 12);
        // Twice the amplitude: 4x the energy in shell 3 only, so the RMSE over 8 shells is sqrt(log10(4)^2 / 8).
        Assert.Equal(Math.Sqrt(Math.Pow(Math.Log10(4), 2) / 8), EnergySpectrum.Error(field * 2, field), 6);
    }

    [Fact]
    public void Equivariance_error_of_an_exactly_equivariant_map_is_zero_and_of_a_shift_is_not()
    {
        var x = randn(2, 4, 10, 10);
        Func<Tensor, Tensor> lastFrameDoubled = t => t.narrow(1, 2, 2) * 2; // commutes with rotations
        Func<Tensor, Tensor> shifted = t => roll(t.narrow(1, 2, 2), 1, 3);  // does not

        var exact = EquivarianceError.Measure(lastFrameDoubled, x);
        var broken = EquivarianceError.Measure(shifted, x);

        Assert.All(exact.Relative.Values, e => Assert.Equal(0, e));
        Assert.All(broken.Relative.Values, e => Assert.True(e > 0.5));
    }
}

public class RelaxedPresetTests
{
    public RelaxedPresetTests() => TorchFixture.Ensure();

    [Theory]
    [InlineData("conv")]
    [InlineData("gconv")]
    [InlineData("rgroup")]
    [InlineData("steer")]
    [InlineData("rsteer")]
    [InlineData("rtrans")]
    public void Presets_have_comparable_parameter_counts_on_a_32_grid(string model)
    {
        long count = RelaxedNetworks.ParameterCount(RelaxedPresets.For(model), 32, 32);
        Assert.InRange(count, 0.85 * RelaxedPresets.DefaultParameterBudget, 1.15 * RelaxedPresets.DefaultParameterBudget);
    }

    [Fact]
    public void Hidden_for_budget_picks_the_width_closest_to_the_budget()
    {
        var config = RelaxedPresets.For("gconv");
        int hidden = RelaxedPresets.HiddenForBudget(config, 100_000, 32, 32);
        long at = RelaxedNetworks.ParameterCount(config with { Hidden = hidden }, 32, 32);
        long below = RelaxedNetworks.ParameterCount(config with { Hidden = hidden - 1 }, 32, 32);
        long above = RelaxedNetworks.ParameterCount(config with { Hidden = hidden + 1 }, 32, 32);
        Assert.True(Math.Abs(at - 100_000) <= Math.Abs(below - 100_000) && Math.Abs(at - 100_000) <= Math.Abs(above - 100_000),
            $"hidden {hidden}: {below} / {at} / {above}");
    }
}

public class RelaxedConfigJsonTests
{
    [Fact]
    public void A_config_round_trips_through_snake_case_json_without_derived_fields()
    {
        var options = new System.Text.Json.JsonSerializerOptions { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower };
        var config = RelaxedPresets.For("rsteer") with { Epochs = 7, TrainWindowsPerEpoch = 64 };

        string json = System.Text.Json.JsonSerializer.Serialize(config, options);
        var back = System.Text.Json.JsonSerializer.Deserialize<RelaxedConfig>(json, options);

        Assert.Equal(config, back);
        Assert.Contains("\"train_windows_per_epoch\":64", json);
        Assert.DoesNotContain("kind", json);
        Assert.DoesNotContain("window_length", json);
    }
}

public class ParameterReportTests
{
    public ParameterReportTests() => TorchFixture.Ensure();

    [Fact]
    public void Every_model_is_listed_with_a_layer_breakdown_that_sums_to_its_total()
    {
        var report = ParameterReport.Build(16, 16, budget: 5_000, adjust: c => c with { InputFrames = 2, Layers = 3 });

        Assert.Equal(RelaxedModelKinds.Names, report.Select(r => r.Model));
        Assert.All(report, r =>
        {
            Assert.Equal(r.Parameters, r.Layers.Sum(l => l.Parameters));
            Assert.Equal(["layer1", "layer2", "layer3"], r.Layers.Select(l => l.Layer));
            Assert.InRange(r.Parameters, 3_500, 6_500);
        });
    }
}
