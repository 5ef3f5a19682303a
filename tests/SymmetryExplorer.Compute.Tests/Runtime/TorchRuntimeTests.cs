using SymmetryExplorer.Compute.Runtime;
using TorchSharp;

namespace SymmetryExplorer.Compute.Tests.Runtime;

public class TorchRuntimeTests
{
    [Fact]
    public void Native_backend_loads_and_reports_its_versions()
    {
        var info = TorchFixture.Ensure();

        Assert.StartsWith("2.", info.TorchVersion);
        Assert.Equal("0.107.0", info.TorchSharpVersion);
        Assert.Equal("cpu", info.Device);
        Assert.True(info.Threads >= 1);
        using var x = torch.arange(6, dtype: torch.float64).reshape(2, 3);
        Assert.Equal(15.0, x.sum().item<double>());
    }

    [Theory]
    [InlineData("auto", false, "cpu")]
    [InlineData("", false, "cpu")]
    [InlineData("CPU", true, "cpu")]
    [InlineData("auto", true, "cuda")]
    public void Device_names_resolve_to_the_expected_device(string requested, bool cuda, string expected)
    {
        TorchFixture.Ensure();
        Assert.Equal(expected, TorchRuntime.ResolveDeviceName(requested, cuda));
    }

    [Fact]
    public void Cuda_without_a_device_is_refused_with_a_fix()
    {
        TorchFixture.Ensure();
        var ex = Assert.Throws<InvalidInputException>(() => TorchRuntime.ResolveDeviceName("cuda", cudaAvailable: false));
        Assert.Contains("--device cpu", ex.Message);
        Assert.Equal("device", ex.Field);
    }

    [Fact]
    public void Unknown_device_names_are_refused()
    {
        TorchFixture.Ensure();
        var ex = Assert.Throws<InvalidInputException>(() => TorchRuntime.ResolveDeviceName("tpu", cudaAvailable: false));
        Assert.Contains("auto, cpu or cuda", ex.Message);
    }
}
