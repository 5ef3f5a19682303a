using System.CommandLine;
using SymmetryExplorer.Cli.Commands;
using SymmetryExplorer.Compute;
using SymmetryExplorer.Compute.Runtime;

namespace SymmetryExplorer.Cli;

/// <summary>Builds the <c>symx</c> command tree and maps failures onto the contract's exit codes.</summary>
public static class SymxApp
{
    public static RootCommand BuildRoot(TextWriter output)
    {
        var root = new RootCommand("symx: Symmetry Explorer's engine from the terminal. " +
                                   "Discover Lie-group symmetries with LieGAN and train relaxed-equivariant networks.");
        root.Subcommands.Add(InfoCommand.Create(output));
        root.Subcommands.Add(BenchCommand.Create(output));
        root.Subcommands.Add(DiscoverCommand.Create(output));
        root.Subcommands.Add(AugmentCommand.Create(output));
        root.Subcommands.Add(RelaxedCommand.Create(output));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = BuildRoot(output);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) await error.WriteLineAsync($"symx: {e.Message}");
            await error.WriteLineAsync("Run 'symx --help' for usage.");
            return ExitCodes.BadInput;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is UsageException or InvalidInputException)
        {
            await error.WriteLineAsync($"symx: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (NativeBackendException ex)
        {
            await error.WriteLineAsync($"symx: {ex.Message}");
            return ExitCodes.InternalFailure;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("symx: cancelled.");
            return ExitCodes.InternalFailure;
        }
    }
}
