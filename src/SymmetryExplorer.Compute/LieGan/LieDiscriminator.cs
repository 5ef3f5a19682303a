using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.LieGan;

/// <summary>
/// The discriminator: an MLP on concat(flatten(x), flatten(y)) (or on flatten(x) and an embedding of a
/// class label): Linear(in, 512) - LeakyReLU(0.2) - Linear(512, 512) - LeakyReLU(0.2) - Linear(512, 1) -
/// Sigmoid, with TorchSharp's (= PyTorch's) default Linear initialisation.
/// </summary>
public sealed class LieDiscriminator : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Sequential model;
    private readonly Embedding? embedding;

    /// <param name="xWidth">Width of flatten(x).</param>
    /// <param name="yWidth">Width of flatten(y) for vector/scalar targets; 0 with a class embedding.</param>
    /// <param name="classCount">Number of classes for a label embedding; 0 for none.</param>
    public LieDiscriminator(int xWidth, int yWidth, int classCount, int hidden, int embeddingSize) : base(nameof(LieDiscriminator))
    {
        int inputs = xWidth + (classCount > 0 ? embeddingSize : yWidth);
        model = nn.Sequential(
            nn.Linear(inputs, hidden),
            new SafeLeakyReLU(0.2),
            nn.Linear(hidden, hidden),
            new SafeLeakyReLU(0.2),
            nn.Linear(hidden, 1),
            nn.Sigmoid());
        if (classCount > 0) embedding = nn.Embedding(classCount, embeddingSize);
        RegisterComponents();
    }

    /// <param name="x">(B, T, n).</param>
    /// <param name="y">(B, T', m) for vectors and scalars, (B) int64 labels with an embedding.</param>
    /// <returns>(B, 1) probability that the pair is real.</returns>
    public override Tensor forward(Tensor x, Tensor y)
    {
        var xf = x.reshape(x.shape[0], -1);
        var yf = embedding is null ? y.reshape(y.shape[0], -1) : embedding.forward(y.reshape(-1));
        return model.forward(cat([xf, yf], 1));
    }
}
