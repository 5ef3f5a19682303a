namespace SymmetryExplorer.Compute;

/// <summary>
/// Input a person supplied is wrong (a configuration value, a file, a layout, a device name).
/// The message says what is wrong and what to do instead; the CLI exits with code 2 and the
/// HTTP API answers 400 with it. <see cref="Field"/> names the offending field when there is one,
/// so forms can show the message next to it.
/// </summary>
public class InvalidInputException(string message, string? field = null, Exception? inner = null) : Exception(message, inner)
{
    public string? Field { get; } = field;
}
