using System.CommandLine;

namespace SymmetryExplorer.Cli.Commands;

/// <summary><c>symx bench &lt;what&gt;</c>: the performance benchmarks documented in the README.</summary>
public static class BenchCommand
{
    public static Command Create(TextWriter output)
    {
        var bench = new Command("bench", "Performance benchmarks (speed and memory); see the README's benchmark section.");
        // Each engine adds its benchmark here as a subcommand, e.g. `symx bench liegan`.
        bench.Subcommands.Add(BenchLieGanCommand.Create(output));
        bench.Subcommands.Add(BenchRelaxedCommand.Create(output));
        return bench;
    }
}
