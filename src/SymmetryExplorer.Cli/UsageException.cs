namespace SymmetryExplorer.Cli;

/// <summary>Bad input from the user: printed as one line and exits with <see cref="ExitCodes.BadInput"/>.</summary>
public sealed class UsageException(string message) : Exception(message);
