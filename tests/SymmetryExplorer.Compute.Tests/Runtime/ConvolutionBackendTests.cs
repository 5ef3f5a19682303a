using SymmetryExplorer.Compute.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Tests.Runtime;

/// <summary>
/// libtorch 2.10's oneDNN float32 conv2d (as shipped with TorchSharp 0.107.0) returns wrong values and
/// gradients on these machines for batches of 2+ and input channel counts such as 20 (10 stacked
/// velocity frames) or 24. <see cref="TorchRuntime.Initialize"/> switches oneDNN off; these tests
/// check the convolution against a float64 reference (float64 never takes the oneDNN path).
/// </summary>
public class ConvolutionBackendTests
{
    public ConvolutionBackendTests() => TorchFixture.Ensure();

    [Fact]
    public void Initialize_switches_the_broken_onednn_convolution_off()
    {
        Assert.True(OneDnnConvolutionGuard.Applied);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(24)]
    [InlineData(37)]
    public void Float32_conv2d_and_its_gradients_match_a_float64_reference(int inputChannels)
    {
        using var scope = NewDisposeScope();
        manual_seed(inputChannels);
        var x64 = randn(4, inputChannels, 9, 9, dtype: float64).requires_grad_(true);
        var k64 = randn(8, inputChannels, 3, 3, dtype: float64).requires_grad_(true);
        var x32 = x64.detach().to(float32).requires_grad_(true);
        var k32 = k64.detach().to(float32).requires_grad_(true);
        var weights = randn(4, 8, 9, 9, dtype: float64);

        var y64 = nn.functional.conv2d(x64, k64, padding: [1, 1]);
        var y32 = nn.functional.conv2d(x32, k32, padding: [1, 1]);
        (y64 * weights).sum().backward();
        (y32 * weights.to(float32)).sum().backward();

        static double RelativeError(Tensor a, Tensor b) => ((a.to(float64) - b).abs().max() / b.abs().max()).item<double>();
        Assert.True(RelativeError(y32, y64) < 1e-5, $"forward relative error {RelativeError(y32, y64):E2}");
        Assert.True(RelativeError(x32.grad!, x64.grad!) < 1e-5, $"input-gradient relative error {RelativeError(x32.grad!, x64.grad!):E2}");
        Assert.True(RelativeError(k32.grad!, k64.grad!) < 1e-5, $"kernel-gradient relative error {RelativeError(k32.grad!, k64.grad!):E2}");
    }
}
