using SymmetryExplorer.Compute.Optim;
using System.Text.Json;
using SymmetryExplorer.Compute.Relaxed.Networks;
using TorchSharp.Modules;

namespace SymmetryExplorer.Compute.Relaxed.Training;

/// <summary>Where training stands, saved next to the weights so a run can resume exactly.</summary>
internal sealed record RelaxedTrainingState
{
    public int Version { get; init; } = 1;
    public string Kind { get; init; } = RelaxedJob.JobKind;
    public required string Dataset { get; init; }
    public required int Seed { get; init; }
    public required RelaxedConfig Config { get; init; }
    public int EpochsDone { get; set; }
    public long Step { get; set; }
    public double LearningRate { get; set; }
    public int BestEpoch { get; set; } = -1;
    public double BestValidLoss { get; set; } = double.PositiveInfinity;
    public int EpochsSinceBest { get; set; }
    public bool StoppedEarly { get; set; }
    public double ElapsedSeconds { get; set; }
    public List<double> TrainLoss { get; init; } = [];
    public List<double> ValidLoss { get; init; } = [];
    public List<double> EpochSeconds { get; init; } = [];
}

/// <summary>
/// A checkpoint folder: <c>model.bin</c> (current weights), <c>best.bin</c> (the best-validation
/// weights, a separate copy), <c>optimizer.bin</c> (Adam moments) and <c>state.json</c>. Written to a
/// temporary folder and swapped in, so a crash mid-write leaves the previous checkpoint intact.
/// The resume path is the folder or its state.json.
/// </summary>
internal static class RelaxedCheckpoint
{
    public const string StateFile = "state.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes the checkpoint and returns the path of its state.json.</summary>
    public static string Save(string directory, RelaxedNetwork model, RelaxedNetwork best, AdamOptimizer optimizer, RelaxedTrainingState state)
    {
        string target = Path.GetFullPath(directory);
        string temp = target + ".tmp";
        if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        Directory.CreateDirectory(temp);
        model.save(Path.Combine(temp, "model.bin"));
        best.save(Path.Combine(temp, "best.bin"));
        optimizer.Save(Path.Combine(temp, "optimizer.bin"));
        File.WriteAllText(Path.Combine(temp, StateFile), JsonSerializer.Serialize(state, Json));
        string old = target + ".old";
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        if (Directory.Exists(target)) Directory.Move(target, old);
        Directory.Move(temp, target);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        return Path.Combine(target, StateFile);
    }

    /// <summary>Reads the state of a checkpoint (folder or state.json path).</summary>
    /// <exception cref="InvalidInputException">Missing or unreadable checkpoint.</exception>
    public static (string Directory, RelaxedTrainingState State) ReadState(string path)
    {
        string dir = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        string file = Path.Combine(dir, StateFile);
        if (!File.Exists(file))
            throw new InvalidInputException($"No relaxed-training checkpoint at '{path}' (expected {StateFile} in that folder).", "resume");
        RelaxedTrainingState? state;
        try
        {
            state = JsonSerializer.Deserialize<RelaxedTrainingState>(File.ReadAllText(file), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException($"The checkpoint state '{file}' is damaged: {ex.Message}", "resume", ex);
        }
        if (state is null || state.Kind != RelaxedJob.JobKind)
            throw new InvalidInputException($"'{file}' is not a relaxed-training checkpoint.", "resume");
        foreach (string part in new[] { "model.bin", "best.bin", "optimizer.bin" })
            if (!File.Exists(Path.Combine(dir, part)))
                throw new InvalidInputException($"The checkpoint in '{dir}' is incomplete: {part} is missing.", "resume");
        return (dir, state);
    }

    public static void LoadWeights(string directory, RelaxedNetwork model, RelaxedNetwork best, AdamOptimizer optimizer)
    {
        model.load(Path.Combine(directory, "model.bin"));
        best.load(Path.Combine(directory, "best.bin"));
        try
        {
            optimizer.Load(Path.Combine(directory, "optimizer.bin"));
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException)
        {
            throw new InvalidInputException($"The optimiser state in '{directory}' does not fit this model (or was written by an older version): {ex.Message}", "resume", ex);
        }
    }
}
