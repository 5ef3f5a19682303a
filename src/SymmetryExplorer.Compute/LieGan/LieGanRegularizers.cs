using SymmetryExplorer.Compute.Runtime;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.LieGan;

/// <summary>
/// The generator's extra loss terms, as in the reference's training loop. Each returns the unweighted
/// value; the trainer multiplies by lambda, mu, eta.
/// </summary>
public static class LieGanRegularizers
{
    /// <summary>|mean over (b, t) of cos(gx[b,t], x[b,t])|: pushes g away from the identity (minimised).</summary>
    public static Tensor Cosine(Tensor gx, Tensor x) => nn.functional.cosine_similarity(gx, x, dim: 2).mean().abs();

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
}
