using SymmetryExplorer.Compute.Relaxed;
using SymmetryExplorer.Compute.Relaxed.Groups;
using SymmetryExplorer.Compute.Relaxed.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Tests.Relaxed;

/// <summary>
/// The published code's vector convention (physical quarter turn composed with v -> -v), kept as an
/// option so its cost can be measured: a strict model built with it is equivariant under that
/// action and under 180 degrees, and not under the physical 90 / 270.
/// </summary>
public class PublishedConventionTests
{
    public PublishedConventionTests() => TorchFixture.Ensure();

    private static RelaxedConfig Config(string model, string convention) => new()
    {
        Model = model, Hidden = 4, Layers = 3, InputFrames = 3, VectorConvention = convention,
    };

    /// <summary>S (vx, vy) = (vx, -vy) on a stack of velocity frames.</summary>
    private static Tensor FlipVy(Tensor frames)
    {
        var signs = tensor(Enumerable.Range(0, (int)frames.shape[1]).Select(c => c % 2 == 0 ? 1f : -1f).ToArray(), [1, frames.shape[1], 1, 1]);
        return frames * signs;
    }

    [Theory]
    [InlineData("gconv")]
    [InlineData("rgroup")]
    [InlineData("steer")]
    [InlineData("rsteer")]
    public void A_published_convention_model_is_right_at_180_degrees_and_wrong_at_90_and_270(string model)
    {
        manual_seed(31);
        using var network = RelaxedNetworks.Create(Config(model, VectorConventions.Published), 12, 12);
        NetworkEquivarianceTests.RandomiseKeepingTied(network);
        var x = randn(2, 6, 12, 12);

        var physical = Equivariance.Errors(network.forward, x, PlanarGroup.C4, FieldKind.Vector, FieldKind.Vector);
        Assert.True(physical["180"] <= 1e-5, $"180 degrees: {physical["180"]:E2}");
        Assert.True(physical["90"] > 0.1, $"90 degrees should be broken: {physical["90"]:E2}");
        Assert.True(physical["270"] > 0.1, $"270 degrees should be broken: {physical["270"]:E2}");

        // The published action S g S: the network is exactly equivariant under it.
        var published = Equivariance.Errors(v => FlipVy(network.forward(FlipVy(v))), x, PlanarGroup.C4, FieldKind.Vector, FieldKind.Vector);
        Equivariance.AssertEquivariant(published, 1e-5, $"{model} under the published action");
    }

    [Fact]
    public void The_published_network_is_the_physical_one_conjugated_by_the_vy_flip()
    {
        manual_seed(32);
        using var physical = RelaxedNetworks.Create(Config("rgroup", VectorConventions.Physical), 12, 12);
        manual_seed(32);
        using var published = RelaxedNetworks.Create(Config("rgroup", VectorConventions.Published), 12, 12);
        using var _ = no_grad();
        var x = randn(2, 6, 12, 12);

        var expected = FlipVy(physical.forward(FlipVy(x)));
        Assert.True(allclose(published.forward(x), expected, rtol: 1e-5, atol: 1e-6));
        Assert.False(allclose(published.forward(x), physical.forward(x), rtol: 1e-3, atol: 1e-4));
    }

    [Theory]
    [InlineData("conv", "published")]
    [InlineData("rtrans", "published")]
    [InlineData("gconv", "e2cnn")]
    public void The_convention_is_refused_where_it_means_nothing(string model, string convention)
    {
        var error = Assert.Throws<InvalidInputException>(() => Config(model, convention).Validate());
        Assert.Equal("vector_convention", error.Field);
    }

    [Fact]
    public void The_published_convention_is_refused_with_reflections_or_other_groups()
    {
        Assert.Equal("vector_convention", Assert.Throws<InvalidInputException>(() =>
            (Config("gconv", VectorConventions.Published) with { Reflections = true }).Validate()).Field);
        Assert.Equal("vector_convention", Assert.Throws<InvalidInputException>(() =>
            (Config("steer", VectorConventions.Published) with { GroupOrder = 2 }).Validate()).Field);
    }
}
