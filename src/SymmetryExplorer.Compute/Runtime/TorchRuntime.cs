using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;


namespace SymmetryExplorer.Compute.Runtime;

/// <summary>
/// Loads the native libtorch backend once per process, applies <see cref="ComputeOptions"/> and
/// answers what the engine runs on. Every entry point (web app, CLI, tests) calls
/// <see cref="Initialize"/> first so that a missing native library fails early with a clear reason.
/// </summary>
public static class TorchRuntime
{
    private static readonly Lock Gate = new();
    private static BackendInfo? _info;
    private static torch.Device? _device;

    /// <summary>The backend after <see cref="Initialize"/>; throws if it was never initialised.</summary>
    public static BackendInfo Info => _info ?? throw new InvalidOperationException("TorchRuntime.Initialize has not been called.");

    /// <summary>The default device resolved from <see cref="ComputeOptions.Device"/>.</summary>
    public static torch.Device DefaultDevice => _device ?? throw new InvalidOperationException("TorchRuntime.Initialize has not been called.");

    public static bool IsInitialized => _info is not null;

    /// <summary>
    /// Loads libtorch, sets the thread count and resolves the device. Idempotent: later calls
    /// return the first result (libtorch's thread pool can be sized only once per process).
    /// </summary>
    /// <exception cref="NativeBackendException">The native backend cannot load.</exception>
    /// <exception cref="InvalidInputException">The device or thread setting is invalid for this machine.</exception>
    public static BackendInfo Initialize(ComputeOptions? options = null)
    {
        options ??= new ComputeOptions();
        lock (Gate)
        {
            if (_info is not null) return _info;
            LoadNative();
            OneDnnConvolutionGuard.Apply(); // libtorch's oneDNN conv2d is wrong on this build: see the guard

            if (options.Threads < 0)
                throw new InvalidInputException($"Compute:Threads must be 0 (all cores) or a positive number, not {options.Threads}.");
            if (options.Threads > 0) torch.set_num_threads(options.Threads);

            bool cuda = torch.cuda.is_available();
            _device = ResolveDevice(options.Device, cuda);
            _info = new BackendInfo(
                TorchVersion: torch.__version__,
                TorchSharpVersion: TorchSharpVersion(),
                Device: _device.ToString(),
                Threads: torch.get_num_threads(),
                CudaAvailable: cuda,
                Processors: Environment.ProcessorCount);
            return _info;
        }
    }

    /// <summary>Creates a torch device for a name from configuration or a command line.</summary>
    public static torch.Device ResolveDevice(string? requested, bool cudaAvailable) =>
        new(ResolveDeviceName(requested, cudaAvailable));

    /// <summary>
    /// Maps a device name from configuration or a command line (<c>auto</c>, <c>cpu</c>, <c>cuda</c>,
    /// <c>cuda:N</c>) to the canonical name of the device to use.
    /// </summary>
    public static string ResolveDeviceName(string? requested, bool cudaAvailable)
    {
        string name = (requested ?? "auto").Trim().ToLowerInvariant();
        switch (name)
        {
            case "" or "auto":
                return cudaAvailable ? "cuda" : "cpu";
            case "cpu":
                return "cpu";
            case "cuda" or "gpu":
            case var _ when name.StartsWith("cuda:", StringComparison.Ordinal):
                if (!cudaAvailable)
                    throw new InvalidInputException(
                        $"Device '{requested}' was requested but no CUDA device is available to this build. " +
                        "Use --device cpu (or Compute:Device=auto), or build with -p:TorchBackend=cuda on a machine with an NVIDIA driver.", "device");
                return name == "gpu" ? "cuda" : name;
            default:
                throw new InvalidInputException($"Unknown device '{requested}': use auto, cpu or cuda.", "device");
        }
    }

    private static void LoadNative()
    {
        try
        {
            // Any call into libtorch forces TorchSharp to load its native libraries.
            torch.InitializeDeviceType(DeviceType.CPU);
            using var probe = torch.ones(1);
        }
        catch (Exception ex) when (ex is NotSupportedException or DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            throw new NativeBackendException(DiagnoseLoadFailure(), ex);
        }
    }

    /// <summary>Turns the usual native-load failures into a cause and a fix.</summary>
    internal static string DiagnoseLoadFailure()
    {
        if (OperatingSystem.IsLinux() && !SystemLibStdCxxHas("GLIBCXX_3.4.32"))
        {
            return "The TorchSharp native backend could not load: the system C++ runtime (libstdc++) is older than " +
                   "GCC 13's, and TorchSharp 0.107.0 needs GLIBCXX_3.4.32. Fix: run build/prereqs.sh (on Debian 12 it " +
                   "installs Debian 13's libstdc++6, pinned so nothing else changes), or install libstdc++ from GCC 13+ " +
                   "(Ubuntu 24.04, Debian 13), or run the Docker image.";
        }
        return "The TorchSharp native backend (libtorch) could not load. Check that the build output contains " +
               $"runtimes/{RuntimeInformation.RuntimeIdentifier}/native/libtorch* (restore and build again), and that this " +
               "platform is one TorchSharp-cpu supports (linux-x64, win-x64, osx-arm64).";
    }

    private static bool SystemLibStdCxxHas(string symbolVersion)
    {
        string[] candidates =
        [
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
            "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
        ];
        byte[] needle = System.Text.Encoding.ASCII.GetBytes(symbolVersion);
        foreach (string path in candidates.Where(File.Exists))
        {
            try
            {
                if (File.ReadAllBytes(path).AsSpan().IndexOf(needle) >= 0) return true;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return false;
    }

    private static string TorchSharpVersion()
    {
        var asm = typeof(torch).Assembly;
        string? informational = asm.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        string version = informational ?? asm.GetName().Version?.ToString() ?? "unknown";
        int plus = version.IndexOf('+');
        return plus > 0 ? version[..plus] : version;
    }
}
