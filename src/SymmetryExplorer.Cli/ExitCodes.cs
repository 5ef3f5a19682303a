namespace SymmetryExplorer.Cli;

/// <summary>The CLI contract's exit codes.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int InternalFailure = 1;
    public const int BadInput = 2;
}
