using System.Text.Json;

namespace SymmetryExplorer.Compute.Tests.Cli;

public class InfoCommandTests
{
    [Fact]
    public async Task Info_prints_torch_version_device_and_threads()
    {
        var result = await CliRunner.RunAsync("info");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"torch\s+2\.\d+", result.Output);
        Assert.Matches(@"device\s+cpu", result.Output);
        Assert.Matches(@"threads\s+\d+ of \d+", result.Output);
    }

    [Fact]
    public async Task Info_json_has_snake_case_keys()
    {
        var result = await CliRunner.RunAsync("info", "--json");

        using var doc = JsonDocument.Parse(result.Output);
        Assert.StartsWith("2.", doc.RootElement.GetProperty("torch_version").GetString());
        Assert.Equal("0.107.0", doc.RootElement.GetProperty("torch_sharp_version").GetString());
    }

    [Fact]
    public async Task Unknown_options_exit_with_code_2_and_a_reason()
    {
        var result = await CliRunner.RunAsync("info", "--no-such-flag");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--no-such-flag", result.Error);
    }

    [Fact]
    public async Task Help_lists_the_commands()
    {
        var result = await CliRunner.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("info", result.Output);
    }
}
