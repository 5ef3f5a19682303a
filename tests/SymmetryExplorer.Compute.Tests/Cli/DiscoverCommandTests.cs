using System.Text.Json;
using SymmetryExplorer.Compute.Tests.Data;

namespace SymmetryExplorer.Compute.Tests.Cli;

public class DiscoverCommandTests
{
    [Fact]
    public async Task Discover_on_a_tiny_run_writes_a_result_json_with_the_contract_fields()
    {
        using var tmp = new TempFiles();
        using var threads = new SymmetryExplorer.Compute.Tests.LieGan.SingleTorchThread();
        var result = await CliRunner.RunAsync("discover", "--dataset", RealTwoBodyFileTests.TrainPath, "--layout", "two-body",
            "--epochs", "2", "--limit", "640", "--seed", "4", "--device", "cpu", "--out", tmp.Root, "--set", "hidden_width=64");

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        var lines = result.Output.Trim().Split('\n');
        Assert.StartsWith("epoch 1/2", lines[0]);
        Assert.Contains("liegan train_coords: 2 epochs", lines[^1]);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(tmp.Root, "result.json")));
        var root = doc.RootElement;
        Assert.Equal("train_coords", root.GetProperty("dataset").GetString());
        Assert.Equal("two-body", root.GetProperty("preset").GetString());
        Assert.Equal(4, root.GetProperty("seed").GetInt32());
        Assert.Equal(2, root.GetProperty("epochs").GetInt32());
        Assert.Equal("cpu", root.GetProperty("device").GetString());
        Assert.True(root.GetProperty("seconds").GetDouble() > 0);
        Assert.Equal(2, root.GetProperty("epoch_seconds").GetArrayLength());
        Assert.Equal(8, root.GetProperty("generators")[0].GetArrayLength());
        Assert.Equal("so2-blocks", root.GetProperty("reference").GetProperty("name").GetString());
        Assert.InRange(root.GetProperty("reference").GetProperty("cosine")[0].GetDouble(), 0, 1);
        Assert.Equal(8, root.GetProperty("invariant_metric").GetProperty("j").GetArrayLength());
        Assert.Equal(8, root.GetProperty("invariant_metric").GetProperty("J").GetArrayLength());
        foreach (string key in new[] { "d_real", "d_fake", "g_adv", "g_reg" })
            Assert.True(double.IsFinite(root.GetProperty("losses").GetProperty(key).GetDouble()), key);
        Assert.Equal(64, root.GetProperty("config").GetProperty("hidden_width").GetInt32());
    }

    [Theory]
    [InlineData("no-such-set", "neither a built-in data set")]
    [InlineData("two-body --epochs 0", "epochs must be between 1 and 100000")]
    [InlineData("two-body --preset nope", "unknown preset 'nope'")]
    [InlineData("two-body --device tpu", "Unknown device 'tpu'")]
    [InlineData("two-body --set no_such_field=1", "unknown setting 'no_such_field'")]
    [InlineData("two-body --layout spiral", "unknown layout 'spiral'")]
    public async Task Bad_inputs_exit_with_code_2_and_a_reason(string args, string reason)
    {
        var result = await CliRunner.RunAsync(["discover", "--dataset", .. args.Split(' ')]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(reason, result.Error);
        Assert.StartsWith("symx: ", result.Error);
    }

    [Fact]
    public async Task A_malformed_file_exits_2_with_what_to_fix()
    {
        using var tmp = new TempFiles();
        string path = tmp.WriteText("bad.npy", "not numpy");

        var result = await CliRunner.RunAsync("discover", "--dataset", path, "--epochs", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a NumPy .npy file", result.Error);
    }

    [Fact]
    public async Task Augment_refuses_a_missing_or_invalid_generator_file()
    {
        using var tmp = new TempFiles();
        var missing = await CliRunner.RunAsync("augment", "--generator", tmp.PathOf("nope.json"), "--epochs", "1");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("generator file not found", missing.Error);

        string bad = tmp.WriteText("r.json", "{\"dataset\": \"x\"}");
        var invalid = await CliRunner.RunAsync("augment", "--generator", bad, "--epochs", "1");
        Assert.Equal(2, invalid.ExitCode);
        Assert.Contains("has no 'generators' array", invalid.Error);
    }

    [Fact]
    public async Task Augment_refuses_unknown_rows_before_any_training()
    {
        using var tmp = new TempFiles();
        string json = tmp.WriteText("r.json", "{\"generators\": [[[0, 1], [-1, 0]]]}");

        var result = await CliRunner.RunAsync("augment", "--generator", json, "--rows", "none,everything", "--epochs", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--rows takes none, discovered and ground-truth, not 'everything'", result.Error);
    }

    [Fact]
    public async Task Bench_liegan_rejects_a_bad_epoch_count()
    {
        var result = await CliRunner.RunAsync("bench", "liegan", "--epochs", "0");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--epochs must be between 1 and 100000", result.Error);
    }
}
