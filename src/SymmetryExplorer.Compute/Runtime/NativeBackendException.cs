namespace SymmetryExplorer.Compute.Runtime;

/// <summary>
/// The native libtorch backend could not be loaded or the requested device is unusable.
/// <see cref="Exception.Message"/> names the cause and the fix, ready to show a person.
/// </summary>
public sealed class NativeBackendException(string message, Exception? inner = null) : Exception(message, inner);
