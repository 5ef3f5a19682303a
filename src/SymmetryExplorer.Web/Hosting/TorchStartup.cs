using SymmetryExplorer.Compute;
using SymmetryExplorer.Compute.Runtime;

namespace SymmetryExplorer.Web.Hosting;

/// <summary>Loads the native backend before anything else, so a broken platform fails with a reason.</summary>
public static class TorchStartup
{
    /// <summary>
    /// Initialises TorchSharp from the <c>Compute</c> section. On failure prints the cause and the fix
    /// (not a stack trace) and returns false with the exit code to use.
    /// </summary>
    public static bool TryInitializeTorch(this WebApplicationBuilder builder, out int exitCode)
    {
        var options = builder.Configuration.GetSection(ComputeOptions.SectionName).Get<ComputeOptions>() ?? new ComputeOptions();
        try
        {
            TorchRuntime.Initialize(options);
            exitCode = 0;
            return true;
        }
        catch (NativeBackendException ex)
        {
            Console.Error.WriteLine($"Symmetry Explorer cannot start: {ex.Message}");
            exitCode = 1;
        }
        catch (InvalidInputException ex)
        {
            Console.Error.WriteLine($"Symmetry Explorer cannot start: invalid configuration: {ex.Message}");
            exitCode = 2;
        }
        return false;
    }
}
