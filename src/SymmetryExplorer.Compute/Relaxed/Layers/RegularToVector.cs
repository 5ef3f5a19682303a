using SymmetryExplorer.Compute.Relaxed.Groups;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Relaxed.Layers;

/// <summary>
/// Leaves the regular representation for a velocity: v = sum_g f(g) (g e0), e0 = (1, 0); for C_n
/// that is the projection's reverse sum with (cos 2 pi g / n, sin 2 pi g / n). Exactly equivariant:
/// turning f by h (channels f(h^-1 g), image turned) turns v by h's matrix. No parameters.
/// </summary>
public sealed class RegularToVector : nn.Module<Tensor, Tensor>
{
    private readonly Tensor directions; // (|G|, 2): row g is g e0
    private readonly int _order;

    public RegularToVector(string name, PlanarGroup group) : base(name)
    {
        _order = group.Order;
        var d = new float[group.Order * 2];
        for (int g = 0; g < group.Order; g++)
        {
            var m = group.Matrix(g);
            d[2 * g] = m[0];     // first column of the matrix = g applied to (1, 0)
            d[2 * g + 1] = m[2];
        }
        directions = tensor(d, [group.Order, 2]);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        long b = input.shape[0], fields = input.shape[1] / _order, h = input.shape[2], w = input.shape[3];
        var v = einsum("bfghw,ga->bfahw", input.reshape(b, fields, _order, h, w), directions);
        return v.reshape(b, fields * 2, h, w);
    }
}
