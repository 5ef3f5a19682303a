using System.Text.Json;

namespace SymmetryExplorer.Compute.Tests.Cli;

public sealed class RelaxedCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symx-cli-relaxed-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] Tiny =
    [
        "--grid", "16", "--sims", "8", "--frames", "36", "--input-frames", "2", "--rollout-train", "2", "--rollout-test", "4",
        "--hidden", "3", "--layers", "3", "--epochs", "2", "--train-windows", "32",
    ];

    [Fact]
    public async Task A_tiny_run_writes_result_json_with_the_contract_keys_and_prints_one_summary_line()
    {
        string outDir = Path.Combine(_dir, "run");
        string saved = Path.Combine(_dir, "rotation.npy");

        var result = await CliRunner.RunAsync(["relaxed", "--dataset", "smoke-rotation", "--model", "rgroup", "--seed", "4", "--out", outDir, "--save-data", saved, .. Tiny]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("data-level rotation equivariance error", result.Output);
        Assert.Contains("epoch 2/2", result.Output);
        Assert.Matches(@"rgroup on smoke-rotation \(seed 4\): RMSE future [\d.]+, domain [\d.]+", result.Output);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "result.json")));
        var root = doc.RootElement;
        foreach (string key in new[] { "dataset", "model", "seed", "epochs", "parameters", "seconds", "rmse_future", "rmse_domain", "equivariance_error", "relaxation" })
            Assert.True(root.TryGetProperty(key, out _), $"result.json lacks '{key}'");
        Assert.Equal("smoke-rotation", root.GetProperty("dataset").GetString());
        Assert.Equal(4, root.GetProperty("seed").GetInt32());
        var perElement = root.GetProperty("equivariance_error_per_element");
        Assert.Equal(["90", "180", "270"], perElement.EnumerateObject().Select(p => p.Name));
        Assert.True(root.GetProperty("relaxation").GetProperty("per_layer").TryGetProperty("layer1", out _));
        Assert.True(File.Exists(Path.Combine(outDir, "checkpoint", "state.json")));

        // The saved velocities train as a user file (splits drawn by seed, no data-level symmetry).
        var fromFile = await CliRunner.RunAsync(["relaxed", "--dataset", saved, "--model", "conv", "--out", Path.Combine(_dir, "file"), "--json", .. Tiny]);
        Assert.True(fromFile.ExitCode == 0, fromFile.Error);
        using var fileDoc = JsonDocument.Parse(fromFile.Output);
        Assert.Equal("rotation.npy", fileDoc.RootElement.GetProperty("dataset").GetString());
        Assert.Equal(JsonValueKind.Null, fileDoc.RootElement.GetProperty("relaxation").ValueKind);
    }

    [Theory]
    [InlineData("--model", "cnn", "Unknown model 'cnn'")]
    [InlineData("--dataset", "smoke-plume", "Unknown data set 'smoke-plume'")]
    [InlineData("--grid", "20", "multiple of 8")]
    [InlineData("--group-order", "8", "C8 would need interpolated 45-degree rotations")]
    [InlineData("--layout", "diagonal", "Unknown layout 'diagonal'")]
    [InlineData("--resume", "/nonexistent/checkpoint", "No relaxed-training checkpoint")]
    public async Task Bad_input_exits_2_with_a_one_line_reason(string option, string value, string expected)
    {
        var args = new List<string> { "relaxed", "--dataset", "smoke-rotation", "--model", "conv", "--out", Path.Combine(_dir, "bad") };
        args.AddRange(Tiny);
        int at = args.IndexOf(option);
        if (at >= 0) args[at + 1] = value;
        else args.AddRange([option, value]);

        var result = await CliRunner.RunAsync([.. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_broken_flow_file_and_a_missing_model_exit_2()
    {
        string bad = Path.Combine(_dir, "flat.npy");
        await File.WriteAllBytesAsync(bad, Flows.NpyTestFiles.Build("<f4", [12, 8, 8], new byte[12 * 8 * 8 * 4]));

        var file = await CliRunner.RunAsync("relaxed", "--dataset", bad, "--model", "conv");
        var missing = await CliRunner.RunAsync("relaxed", "--dataset", "smoke-rotation");

        Assert.Equal(2, file.ExitCode);
        Assert.Contains("Flow file 'flat.npy': it has shape (12, 8, 8) (rank 3)", file.Error);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--model", missing.Error);
    }

    [Fact]
    public async Task Data_only_generates_reports_and_saves_without_training()
    {
        string saved = Path.Combine(_dir, "dial.npy");

        var result = await CliRunner.RunAsync("relaxed", "--dataset", "smoke-dial", "--dial", "0", "--model", "rgroup", "--grid", "16", "--sims", "8",
                                              "--frames", "20", "--data-only", "--save-data", saved, "--out", Path.Combine(_dir, "never"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("data-level rotation equivariance error 0.000", result.Output);
        Assert.Contains("Domain test simulations (seed 0):", result.Output);
        Assert.DoesNotContain("epoch", result.Output);
        Assert.False(Directory.Exists(Path.Combine(_dir, "never")));
        Assert.Equal(new long[] { 8, 20, 2, 16, 16 }, SymmetryExplorer.Compute.Flows.Files.FlowFiles.Inspect(saved).Shape);
    }

    [Fact]
    public async Task Bench_relaxed_times_each_model_and_the_simulator()
    {
        var result = await CliRunner.RunAsync("bench", "relaxed", "--grid", "8", "--hidden", "4", "--batch-size", "2", "--input-frames", "2",
                                              "--repeats", "1", "--sim-frames", "10", "--models", "conv,rgroup,rsteer", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var doc = JsonDocument.Parse(result.Output);
        var models = doc.RootElement.GetProperty("models").EnumerateArray().ToArray();
        Assert.Equal(["conv", "rgroup", "rsteer"], models.Select(m => m.GetProperty("model").GetString()));
        Assert.All(models, m => Assert.True(m.GetProperty("median_ms").GetDouble() > 0));
        Assert.Equal(1.0, models[0].GetProperty("relative_to_conv").GetDouble());
        Assert.True(doc.RootElement.GetProperty("simulator").GetProperty("frames_per_second").GetDouble() > 0);
    }
}
