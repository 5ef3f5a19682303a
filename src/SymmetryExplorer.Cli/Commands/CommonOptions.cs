using System.CommandLine;

namespace SymmetryExplorer.Cli.Commands;

/// <summary>Options that several commands share, defined once so they read the same everywhere.</summary>
public static class CommonOptions
{
    public static Option<string> Device() => new("--device")
    {
        Description = "Where to compute: auto (CUDA if present), cpu or cuda.",
        DefaultValueFactory = _ => "auto",
    };

    public static Option<int> Threads() => new("--threads")
    {
        Description = "libtorch intra-op threads (0 = one per core).",
        DefaultValueFactory = _ => 0,
    };
}
