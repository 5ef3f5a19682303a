using System.Net.Http.Json;
using System.Text.Json;

namespace SymmetryExplorer.Web.Tests.Infrastructure;

/// <summary>Small typed helpers over the HTTP API, used by the integration and browser tests.</summary>
public static class SymxApi
{
    /// <summary>The shared data file of the LieGAN paper (two-body orbits, 814 x 20 x 8).</summary>
    public static string RealTwoBodyFile => FindShared("data/liegan-2body/train_coords.npy");

    /// <summary>A fast LieGAN configuration: big batches and a narrow discriminator, so an epoch takes a fraction of a second.</summary>
    public static object FastLieGanConfig(int epochs) => new { epochs, batch_size = 512, hidden_width = 64, sample_count = 64 };

    public static async Task<JsonElement> GenerateSmallTwoBodyAsync(HttpClient http)
    {
        var response = await http.PostAsJsonAsync("/api/datasets/builtin",
            new { name = "two-body", options = new { trajectories = 60, test_trajectories = 12 }, seed = 3 });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<string> StartRunAsync(HttpClient http, string datasetId, object config, int seed = 1, string? preset = null)
    {
        var response = await http.PostAsJsonAsync("/api/runs", new { kind = "liegan", dataset = datasetId, config, seed, preset });
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/runs answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("run").GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> GetRunAsync(HttpClient http, string runId) =>
        (await http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}")).GetProperty("run");

    /// <summary>Polls the run until <paramref name="done"/> holds, failing with the run's last state after the timeout.</summary>
    public static async Task<JsonElement> WaitForRunAsync(HttpClient http, string runId, Func<JsonElement, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(3));
        JsonElement run;
        while (true)
        {
            run = await GetRunAsync(http, runId);
            if (done(run)) return run;
            if (DateTime.UtcNow > deadline) break;
            await Task.Delay(200);
        }
        Assert.Fail($"Run {runId} did not reach the expected state in time; last state: {run}");
        return run;
    }

    public static bool IsFinished(JsonElement run) => run.GetProperty("status").GetString() is "completed" or "failed" or "cancelled" or "interrupted";

    /// <summary>
    /// Finds a file of the team's shared folder: $SYMX_SHARED_DIR, a "shared" folder beside or above
    /// the checkout (the workplace layout), or /work/shared.
    /// </summary>
    private static string FindShared(string relative)
    {
        if (Environment.GetEnvironmentVariable("SYMX_SHARED_DIR") is { Length: > 0 } env && File.Exists(Path.Combine(env, relative)))
            return Path.Combine(env, relative);
        if (File.Exists(Path.Combine("/work/shared", relative))) return Path.Combine("/work/shared", relative);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (string candidate in new[] { Path.Combine(dir.FullName, "shared", relative), Path.Combine(dir.FullName, "..", "shared", relative) })
                if (File.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        throw new FileNotFoundException($"shared/{relative} not found above {AppContext.BaseDirectory}");
    }
}
