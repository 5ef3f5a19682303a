using SymmetryExplorer.Compute.LieGan;

namespace SymmetryExplorer.Compute.Tests.LieGan;

public class LieGanConfigTests
{
    [Theory]
    [InlineData(0, "epochs must be between 1 and 100000")]
    [InlineData(100001, "epochs must be between 1 and 100000")]
    public void Epochs_out_of_range_name_the_field(int epochs, string message)
    {
        var ex = Assert.Throws<InvalidInputException>(() => new LieGanConfig { Epochs = epochs }.Validate());
        Assert.Contains(message, ex.Message);
        Assert.Equal("epochs", ex.Field);
    }

    [Fact]
    public void Bad_values_are_refused_with_their_field()
    {
        Assert.Equal("init", Assert.Throws<InvalidInputException>(() => new LieGanConfig { Init = "block3x3" }.Validate()).Field);
        Assert.Equal("sigma", Assert.Throws<InvalidInputException>(() => new LieGanConfig { Sigma = -1 }.Validate()).Field);
        Assert.Equal("generator_beta1", Assert.Throws<InvalidInputException>(() => new LieGanConfig { GeneratorBeta1 = 1 }.Validate()).Field);
        Assert.Equal("mask", Assert.Throws<InvalidInputException>(() => new LieGanConfig { Init = "mask" }.Validate()).Field);
        Assert.Equal("lambda", Assert.Throws<InvalidInputException>(() => new LieGanConfig { Lambda = double.NaN }.Validate()).Field);
    }

    [Theory]
    [InlineData("uniform_int_grid", 2.5)]
    [InlineData("nonzero_int_grid", 0.5)]
    public void Integer_grids_need_a_whole_uniform_max(string distribution, double max)
    {
        var ex = Assert.Throws<InvalidInputException>(() => new LieGanConfig { CoefficientDistribution = distribution, UniformMax = max }.Validate());
        Assert.Equal("uniform_max", ex.Field);
        Assert.Contains("whole number", ex.Message);
        new LieGanConfig { CoefficientDistribution = distribution, UniformMax = 3 }.Validate();
        new LieGanConfig { CoefficientDistribution = "uniform", UniformMax = max }.Validate();
    }

    [Fact]
    public void Presets_carry_the_reference_command_lines()
    {
        var twoBody = LieGanPresets.Get("two-body");
        Assert.Equal(("block2x2", 1.0, 1.0, 1), (twoBody.Config.Init, twoBody.Config.Lambda, twoBody.Config.Sigma, twoBody.Config.Channels));
        Assert.Equal((1e-3, 2e-4, 0.5, 64), (twoBody.Config.GeneratorLearningRate, twoBody.Config.DiscriminatorLearningRate, twoBody.Config.GeneratorBeta1, twoBody.Config.BatchSize));
        var wide = LieGanPresets.Get("two-body-wide").Config;
        Assert.Equal(("block4x4", 10.0, 3.0, 0.01), (wide.Init, wide.Lambda, wide.Sigma, wide.EffectiveInitScale));
        var lorentz = LieGanPresets.Get("lorentz");
        Assert.Equal((7, 0.1, "so13", "lorentz"), (lorentz.Config.Channels, lorentz.Config.OrthogonalityWeight, lorentz.ReferenceAlgebra, lorentz.DefaultDataset));
        var paperDiscrete = LieGanPresets.Get("discrete-rotation-paper").Config;
        Assert.Equal(("uniform_int_grid", 10.0, "random", 0.01), (paperDiscrete.CoefficientDistribution, paperDiscrete.UniformMax, paperDiscrete.Init, paperDiscrete.Lambda));
        var discrete = LieGanPresets.Get("discrete-rotation").Config;
        Assert.Equal(("nonzero_int_grid", 1.0, 256, 1.0, 0.01, 20.0), (discrete.CoefficientDistribution, discrete.UniformMax, discrete.DiscriminatorFourierFeatures, discrete.Lambda, discrete.LambdaFinal, discrete.GeneratorAverageFromEpoch));
        Assert.Equal(3, discrete.CollapseRestarts);
        Assert.All(LieGanPresets.All.Where(p => p.Name != "discrete-rotation"), p => Assert.Equal(0, p.Config.CollapseRestarts)); // the paper's settings stay the paper's
        Assert.All(LieGanPresets.All, p => p.Config.Validate());
        Assert.Contains("two-body-fast", LieGanPresets.Names);
        Assert.Equal("preset", Assert.Throws<InvalidInputException>(() => LieGanPresets.Get("nope")).Field);
    }
}
