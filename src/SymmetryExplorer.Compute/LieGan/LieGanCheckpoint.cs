using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.LieGan;

/// <summary>
/// Training position and history carried across a resume. <see cref="Seed"/> is the requested
/// seed; after collapse restarts the trainer runs on the last restart's seed, from
/// <see cref="AttemptStartEpoch"/> on (older checkpoints have neither: 0 and none).
/// </summary>
public sealed record LieGanCheckpointState(
    LieGanConfig Config,
    int Seed,
    int EpochsDone,
    long Step,
    double ElapsedSeconds,
    int DataCount,
    int DataDimension,
    Dictionary<string, List<double>> History,
    long GeneratorSteps,
    long DiscriminatorSteps,
    int AttemptStartEpoch = 0,
    List<CollapseRestart>? Restarts = null);

/// <summary>
/// Checkpoint file: magic, a JSON header (<see cref="LieGanCheckpointState"/>), then named raw
/// tensors: generator and discriminator parameters, both optimisers' moments, the running average
/// of L when one is kept, and the training random generator's state. Everything needed for a
/// bit-identical continuation on the CPU.
/// Written to a temporary file and moved into place, so a crash never leaves a torn checkpoint.
/// </summary>
public static class LieGanCheckpoint
{
    private static readonly byte[] Magic = "SYMXLGAN"u8.ToArray();
    private const int Version = 1;
    public const string FileName = "liegan-checkpoint.bin";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Save(string directory, LieGanTrainer trainer, LieGanCheckpointState state)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName);
        string temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(JsonSerializer.Serialize(state with
            {
                GeneratorSteps = trainer.GeneratorOptimizer.Steps,
                DiscriminatorSteps = trainer.DiscriminatorOptimizer.Steps,
            }, Json));
            var tensors = Tensors(trainer);
            writer.Write(tensors.Count);
            foreach (var (name, t) in tensors) WriteTensor(writer, name, t);
        }
        File.Move(temp, path, overwrite: true);
        return path;
    }

    /// <summary>Reads the header only (to rebuild the trainer with the same configuration).</summary>
    public static LieGanCheckpointState ReadState(string path)
    {
        using var reader = Open(path);
        return ReadHeader(reader, path);
    }

    /// <summary>Restores parameters, optimiser moments and the random stream into a freshly built trainer.</summary>
    public static LieGanCheckpointState Restore(string path, LieGanTrainer trainer)
    {
        using var reader = Open(path);
        var state = ReadHeader(reader, path);
        if (state.DataCount != trainer.Data.Count || state.DataDimension != trainer.Data.Dimension)
            throw new InvalidInputException($"the checkpoint was made on data with {state.DataCount} pairs of dimension {state.DataDimension}, not {trainer.Data.Count} x {trainer.Data.Dimension}; resume with the same data set.", "checkpoint");
        var targets = Tensors(trainer).ToDictionary(t => t.Name, t => t.Tensor);
        int count = reader.ReadInt32();
        using var noGrad = no_grad();
        for (int i = 0; i < count; i++)
        {
            var (name, dtype, shape, bytes) = ReadTensor(reader);
            if (name == "rng_state")
            {
                using var rng = tensor(bytes, dtype: uint8);
                trainer.Random.set_state(rng);
                continue;
            }
            if (!targets.TryGetValue(name, out var target))
                throw new InvalidInputException($"checkpoint tensor '{name}' does not fit this model; was it written by another configuration?", "checkpoint");
            if (!target.shape.SequenceEqual(shape) || target.dtype != dtype)
                throw new InvalidInputException($"checkpoint tensor '{name}' has shape ({string.Join(", ", shape)}), the model expects ({string.Join(", ", target.shape)}).", "checkpoint");
            using var source = FromBytes(bytes, dtype, shape, name);
            target.copy_(source);
        }
        trainer.GeneratorOptimizer.Steps = state.GeneratorSteps;
        trainer.DiscriminatorOptimizer.Steps = state.DiscriminatorSteps;
        return state;
    }

    private static List<(string Name, Tensor Tensor)> Tensors(LieGanTrainer trainer)
    {
        var list = new List<(string, Tensor)>();
        foreach (var (name, p) in trainer.Generator.state_dict()) list.Add(("G." + name, p));
        foreach (var (name, p) in trainer.Discriminator.state_dict()) list.Add(("D." + name, p));
        for (int i = 0; i < trainer.GeneratorOptimizer.FirstMoments.Length; i++)
        {
            list.Add(($"optG.m{i}", trainer.GeneratorOptimizer.FirstMoments[i]));
            list.Add(($"optG.v{i}", trainer.GeneratorOptimizer.SecondMoments[i]));
        }
        for (int i = 0; i < trainer.DiscriminatorOptimizer.FirstMoments.Length; i++)
        {
            list.Add(($"optD.m{i}", trainer.DiscriminatorOptimizer.FirstMoments[i]));
            list.Add(($"optD.v{i}", trainer.DiscriminatorOptimizer.SecondMoments[i]));
        }
        if (trainer.Average is { } average)
        {
            list.Add(("avg.L", average.Mean));
            list.Add(("avg.weight", average.Weight));
        }
        list.Add(("rng_state", trainer.Random.get_state()));
        return list;
    }

    private static void WriteTensor(BinaryWriter writer, string name, Tensor t)
    {
        using var cpu = t.detach().cpu().contiguous();
        writer.Write(name);
        writer.Write((int)cpu.dtype);
        writer.Write(cpu.shape.Length);
        foreach (long d in cpu.shape) writer.Write(d);
        byte[] data = cpu.dtype switch
        {
            ScalarType.Float32 => MemoryMarshal.AsBytes(cpu.data<float>().ToArray().AsSpan()).ToArray(),
            ScalarType.Float64 => MemoryMarshal.AsBytes(cpu.data<double>().ToArray().AsSpan()).ToArray(),
            ScalarType.Int64 => MemoryMarshal.AsBytes(cpu.data<long>().ToArray().AsSpan()).ToArray(),
            ScalarType.Byte => cpu.data<byte>().ToArray(),
            var other => throw new InvalidOperationException($"checkpoint cannot store {other} tensors ({name})"),
        };
        writer.Write(data.Length);
        writer.Write(data);
    }

    private static Tensor FromBytes(byte[] bytes, ScalarType dtype, long[] shape, string name) => dtype switch
    {
        ScalarType.Float32 => tensor(MemoryMarshal.Cast<byte, float>(bytes).ToArray(), shape, dtype: float32),
        ScalarType.Float64 => tensor(MemoryMarshal.Cast<byte, double>(bytes).ToArray(), shape, dtype: float64),
        ScalarType.Int64 => tensor(MemoryMarshal.Cast<byte, long>(bytes).ToArray(), shape, dtype: int64),
        ScalarType.Byte => tensor(bytes, shape, dtype: uint8),
        _ => throw new InvalidInputException($"checkpoint tensor '{name}' has unsupported type {dtype}.", "checkpoint"),
    };

    private static (string Name, ScalarType DType, long[] Shape, byte[] Bytes) ReadTensor(BinaryReader reader)
    {
        string name = reader.ReadString();
        var dtype = (ScalarType)reader.ReadInt32();
        int rank = reader.ReadInt32();
        var shape = new long[rank];
        for (int i = 0; i < rank; i++) shape[i] = reader.ReadInt64();
        int length = reader.ReadInt32();
        var bytes = reader.ReadBytes(length);
        if (bytes.Length != length) throw new InvalidInputException("the checkpoint file is truncated.", "checkpoint");
        return (name, dtype, shape, bytes);
    }

    private static BinaryReader Open(string path)
    {
        if (!File.Exists(path)) throw new InvalidInputException($"checkpoint not found: {path}", "checkpoint");
        var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        var magic = reader.ReadBytes(Magic.Length);
        if (!magic.SequenceEqual(Magic))
        {
            reader.Dispose();
            throw new InvalidInputException($"{Path.GetFileName(path)} is not a LieGAN checkpoint.", "checkpoint");
        }
        return reader;
    }

    private static LieGanCheckpointState ReadHeader(BinaryReader reader, string path)
    {
        int version = reader.ReadInt32();
        if (version != Version) throw new InvalidInputException($"{Path.GetFileName(path)}: checkpoint version {version} is not supported.", "checkpoint");
        try
        {
            return JsonSerializer.Deserialize<LieGanCheckpointState>(reader.ReadString(), Json)
                   ?? throw new InvalidInputException("the checkpoint header is empty.", "checkpoint");
        }
        catch (Exception ex) when (ex is JsonException or EndOfStreamException)
        {
            throw new InvalidInputException($"{Path.GetFileName(path)}: the checkpoint header is corrupt ({ex.Message}).", "checkpoint", ex);
        }
    }
}
