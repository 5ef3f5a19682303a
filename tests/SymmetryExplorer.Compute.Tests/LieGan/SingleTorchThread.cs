using TorchSharp;

namespace SymmetryExplorer.Compute.Tests.LieGan;

/// <summary>
/// Runs a training test on one libtorch thread and restores the previous count afterwards. On a
/// 2-core machine shared with other builds, two intra-op threads spend most of their time waiting
/// for each other at every parallel region; one thread keeps the training tests' time predictable.
/// Each test always runs under the same count, so its results stay repeatable.
/// </summary>
internal sealed class SingleTorchThread : IDisposable
{
    private readonly int _previous;

    public SingleTorchThread()
    {
        TorchFixture.Ensure();
        _previous = torch.get_num_threads();
        torch.set_num_threads(1);
    }

    public void Dispose() => torch.set_num_threads(_previous);
}
