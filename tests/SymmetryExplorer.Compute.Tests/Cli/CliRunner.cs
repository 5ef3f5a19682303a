using SymmetryExplorer.Cli;

namespace SymmetryExplorer.Compute.Tests.Cli;

/// <summary>Runs symx in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(params string[] args)
    {
        TorchFixture.Ensure();
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await SymxApp.RunAsync(args, output, error);
        return new Result(code, output.ToString(), error.ToString());
    }
}
