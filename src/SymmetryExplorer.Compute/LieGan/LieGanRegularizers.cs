using SymmetryExplorer.Compute.Runtime;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.LieGan;

/// <summary>
/// The extra loss terms: the generator's, as in the reference's training loop, and the
/// discriminator's optional R1 penalty. Each returns the unweighted value; the trainer multiplies
/// by lambda, mu, eta or gamma / 2.
/// </summary>
public static class LieGanRegularizers
{
    /// <summary>|mean over (b, t) of cos(gx[b,t], x[b,t])|: pushes g away from the identity (minimised).</summary>
    public static Tensor Cosine(Tensor gx, Tensor x) => nn.functional.cosine_similarity(gx, x, dim: 2).mean().abs();

    /// <summary>max(|mean cos(gx, x)| - margin, 0): the cosine term that stops pulling once g moves points far enough.</summary>
    public static Tensor CosineAboveMargin(Tensor gx, Tensor x, double margin) => Cosine(gx, x).Plus(-margin).AtLeast(0);

    /// <summary>-min(mean |(gx - x) / x|, 1): rewards moving points, capped.</summary>
    public static Tensor RelativeDifference(Tensor gx, Tensor x) => ((gx - x) / x).abs().mean().AtMost(1.0).neg();

    /// <summary>-min(||L||_F, n C): rewards a large generator, capped.</summary>
    public static Tensor LNorm(Tensor maskedL, int n, int channels) => maskedL.norm().AtMost(n * channels).neg();

    /// <summary>||L||_p over all entries (sparsity).</summary>
    public static Tensor Sparsity(Tensor maskedL, double p) => maskedL.abs().Power(p).sum().Power(1.0 / p);

    /// <summary>
    /// sum_{i&lt;j} |&lt;L^_i, L^_j&gt;_F| with L^ the normalised generators: keeps channels apart
    /// (0 for one channel).
    /// </summary>
    public static Tensor ChannelOrthogonality(Tensor normalizedL)
    {
        long c = normalizedL.shape[0];
        var flat = normalizedL.reshape(c, -1);
        var gram = matmul(flat, flat.t());
        return triu(gram, 1).abs().sum();
    }

    /// <summary>
    /// R1 (the discriminator's gradient penalty): mean over the real batch of |d logit / d input|^2,
    /// the graph kept so that the penalty's own gradient reaches the discriminator's weights. Class
    /// labels (embedded integers) cannot be differentiated by, so only x counts then.
    /// </summary>
    public static Tensor R1(Func<Tensor, Tensor, Tensor> logit, Tensor x, Tensor y)
    {
        var xr = x.detach().requires_grad_(true);
        bool yIsInput = y.is_floating_point();
        var yr = yIsInput ? y.detach().requires_grad_(true) : y;
        Tensor[] inputs = yIsInput ? [xr, yr] : [xr];
        var grads = autograd.grad([logit(xr, yr).sum()], inputs, retain_graph: true, create_graph: true);
        var squared = grads[0].square().reshape(x.shape[0], -1).sum(1);
        if (yIsInput) squared = squared.Plus(grads[1].square().reshape(y.shape[0], -1).sum(1));
        return squared.mean();
    }
}
