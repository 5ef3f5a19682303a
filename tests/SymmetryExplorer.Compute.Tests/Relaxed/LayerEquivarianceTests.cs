using SymmetryExplorer.Compute.Flows;
using SymmetryExplorer.Compute.Relaxed.Groups;
using SymmetryExplorer.Compute.Relaxed.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Tests.Relaxed;

public class LayerEquivarianceTests
{
    public LayerEquivarianceTests() => TorchFixture.Ensure();

    public static TheoryData<string, bool> Groups => new()
    {
        { "C4", false }, { "D4", false }, { "C2", false }, { "D1", false },
    };

    private static PlanarGroup GroupOf(string name) => PlanarGroup.Create(name[1] - '0', name[0] == 'D');

    private static Tensor RandomFields(PlanarGroup group, FieldKind kind, int fields, int size = 11) =>
        randn(2, fields * FieldTypes.Dimension(kind, group), size, size);

    [Fact]
    public void The_steerable_basis_for_C4_and_3x3_kernels_has_18_36_18_dimensions()
    {
        var c4 = PlanarGroup.C4;
        Assert.Equal(18, SteerableBasis.Size(c4, FieldKind.Vector, FieldKind.Regular, 3));
        Assert.Equal(36, SteerableBasis.Size(c4, FieldKind.Regular, FieldKind.Regular, 3));
        Assert.Equal(18, SteerableBasis.Size(c4, FieldKind.Regular, FieldKind.Vector, 3));
        // Sanity against known counts: scalar -> scalar kernels invariant under quarter turns of a 3 x 3 grid:
        // centre, edge ring, corner ring.
        Assert.Equal(3, SteerableBasis.Size(c4, FieldKind.Scalar, FieldKind.Scalar, 3));
        // D4, vector -> vector: centre tap a multiple of the identity (1), edge taps diagonal (2, fixed by
        // the mirror through the tap), corner taps symmetric under the diagonal mirror (2): 5.
        Assert.Equal(5, SteerableBasis.Size(PlanarGroup.Create(4, true), FieldKind.Vector, FieldKind.Vector, 3));
    }

    [Fact]
    public void Field_transform_of_vector_fields_is_the_flow_rotation_convention()
    {
        int n = 6;
        var frame = Enumerable.Range(0, 2 * n * n).Select(i => (float)Math.Cos(i * 0.37)).ToArray();
        var x = tensor(frame, [1, 2, n, n]);
        for (int k = 1; k < 4; k++)
        {
            var viaTorch = FieldTransform.Apply(x, PlanarGroup.C4, k, FieldKind.Vector).data<float>().ToArray();
            Assert.Equal(VectorFieldRotation.Rotate(frame, n, k), viaTorch);
        }
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void Group_conv_layers_are_equivariant_strict_and_relaxed_with_tied_weights(string groupName, bool unused)
    {
        _ = unused;
        var group = GroupOf(groupName);
        manual_seed(11);
        foreach (var inKind in new[] { FieldKind.Scalar, FieldKind.Vector, FieldKind.Regular })
        foreach (bool relaxed in new[] { false, true })
        foreach (bool relu in new[] { false, true })
        {
            using var layer = new RelaxedGroupConv("g", group, inKind, 3, 4, 3, banks: 3, relaxed, relu);
            var x = RandomFields(group, inKind, 3);
            Equivariance.AssertEquivariant(Equivariance.Errors(layer.forward, x, group, inKind, FieldKind.Regular),
                what: $"{groupName} group conv {inKind}->regular relaxed={relaxed} relu={relu}");
        }
    }

    [Fact]
    public void Untied_relaxed_group_conv_weights_break_equivariance_and_drift_reports_it()
    {
        manual_seed(5);
        var group = PlanarGroup.C4;
        using var layer = new RelaxedGroupConv("g", group, FieldKind.Vector, 2, 3, 3, banks: 2, relaxed: true, relu: true);
        Assert.True(layer.Drift() < 1e-12);
        using (no_grad()) layer.Combination!.add_(randn(2, 4) * 0.3);

        var errors = Equivariance.Errors(layer.forward, RandomFields(group, FieldKind.Vector, 2), group, FieldKind.Vector, FieldKind.Regular);

        Assert.All(errors.Values, e => Assert.True(e > 1e-2, $"untied weights should not be equivariant (error {e:E2})"));
        Assert.True(layer.Drift() > 0.05);
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void Steerable_layers_are_equivariant_strict_and_relaxed_with_tied_weights(string groupName, bool unused)
    {
        _ = unused;
        var group = GroupOf(groupName);
        manual_seed(12);
        var pairs = new[]
        {
            (FieldKind.Vector, FieldKind.Regular), (FieldKind.Regular, FieldKind.Regular),
            (FieldKind.Regular, FieldKind.Vector), (FieldKind.Scalar, FieldKind.Regular),
        };
        foreach (var (inKind, outKind) in pairs)
        foreach (bool relaxed in new[] { false, true })
        {
            bool relu = outKind == FieldKind.Regular;
            using var layer = new RelaxedSteerableConv("s", group, inKind, 3, outKind, 4, 3, relaxed, relu);
            var x = RandomFields(group, inKind, 3);
            Equivariance.AssertEquivariant(Equivariance.Errors(layer.forward, x, group, inKind, outKind),
                what: $"{groupName} steerable {inKind}->{outKind} relaxed={relaxed}");
        }
    }

    [Fact]
    public void Per_tap_relaxed_steerable_coefficients_break_equivariance_once_untied()
    {
        manual_seed(6);
        var group = PlanarGroup.C4;
        using var layer = new RelaxedSteerableConv("s", group, FieldKind.Vector, 2, FieldKind.Regular, 3, 3, relaxed: true, relu: true);
        Assert.True(layer.Drift() < 1e-12);
        Assert.Equal(0, layer.Penalty().item<float>());
        using (no_grad()) layer.Coefficients.add_(randn_like(layer.Coefficients) * 0.2);

        var errors = Equivariance.Errors(layer.forward, RandomFields(group, FieldKind.Vector, 2), group, FieldKind.Vector, FieldKind.Regular);

        Assert.All(errors.Values, e => Assert.True(e > 1e-2, $"untied coefficients should not be equivariant (error {e:E2})"));
        Assert.True(layer.Penalty().item<float>() > 0);
    }

    [Fact]
    public void Regular_to_vector_readout_is_equivariant_for_rotations_and_reflections()
    {
        foreach (var group in new[] { PlanarGroup.C4, PlanarGroup.Create(4, true) })
        {
            using var readout = new RegularToVector("out", group);
            var x = RandomFields(group, FieldKind.Regular, 2);
            Equivariance.AssertEquivariant(Equivariance.Errors(readout.forward, x, group, FieldKind.Regular, FieldKind.Vector), what: group.Name);
        }
    }
}
