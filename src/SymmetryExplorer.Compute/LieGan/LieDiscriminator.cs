using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.LieGan;

/// <summary>
/// The discriminator: an MLP on concat(flatten(x), flatten(y)) (or on flatten(x) and an embedding of a
/// class label): Linear(in, 512) - LeakyReLU(0.2) - Linear(512, 512) - LeakyReLU(0.2) - Linear(512, 1) -
/// Sigmoid, with TorchSharp's (= PyTorch's) default Linear initialisation. Optionally (not in the
/// reference) the x-y input v is extended by fixed random Fourier features to [v, sin(v B), cos(v B)].
/// </summary>
public sealed class LieDiscriminator : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Sequential model;
    private readonly Embedding? embedding;
    private readonly Tensor? fourier;

    /// <param name="xWidth">Width of flatten(x).</param>
    /// <param name="yWidth">Width of flatten(y) for vector/scalar targets; 0 with a class embedding.</param>
    /// <param name="classCount">Number of classes for a label embedding; 0 for none.</param>
    /// <param name="fourierFeatures">m random Fourier frequencies (0 = plain input); drawn here from the global generator.</param>
    /// <param name="fourierScale">Standard deviation of their entries.</param>
    public LieDiscriminator(int xWidth, int yWidth, int classCount, int hidden, int embeddingSize, int fourierFeatures = 0, double fourierScale = 1)
        : base(nameof(LieDiscriminator))
    {
        int inputs = xWidth + (classCount > 0 ? embeddingSize : yWidth);
        if (fourierFeatures > 0)
        {
            // Drawn only when on, so the plain discriminator's initialisation stays the reference's.
            fourier = randn(inputs, fourierFeatures) * fourierScale;
            register_buffer("fourier", fourier);
            inputs += 2 * fourierFeatures;
        }
        model = nn.Sequential(
            nn.Linear(inputs, hidden),
            new SafeLeakyReLU(0.2),
            nn.Linear(hidden, hidden),
            new SafeLeakyReLU(0.2),
            nn.Linear(hidden, 1));
        if (classCount > 0) embedding = nn.Embedding(classCount, embeddingSize);
        RegisterComponents();
    }

    /// <param name="x">(B, T, n).</param>
    /// <param name="y">(B, T', m) for vectors and scalars, (B) int64 labels with an embedding.</param>
    /// <returns>(B, 1) probability that the pair is real.</returns>
    public override Tensor forward(Tensor x, Tensor y) => sigmoid(Logit(x, y));

    /// <summary>The pre-sigmoid output (B, 1): what a gradient penalty smooths.</summary>
    public Tensor Logit(Tensor x, Tensor y)
    {
        var xf = x.reshape(x.shape[0], -1);
        var yf = embedding is null ? y.reshape(y.shape[0], -1) : embedding.forward(y.reshape(-1));
        var v = cat([xf, yf], 1);
        if (fourier is not null)
        {
            var phase = matmul(v, fourier);
            v = cat([v, sin(phase), cos(phase)], 1);
        }
        return model.forward(v);
    }
}
