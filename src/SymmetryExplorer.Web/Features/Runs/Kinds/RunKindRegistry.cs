using SymmetryExplorer.Compute;

namespace SymmetryExplorer.Web.Features.Runs.Kinds;

/// <summary>All run kinds the app offers, by name.</summary>
public sealed class RunKindRegistry(IEnumerable<IRunKind> kinds)
{
    private readonly Dictionary<string, IRunKind> _kinds = kinds.ToDictionary(k => k.Kind, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<IRunKind> All => _kinds.Values;

    public IRunKind Get(string? kind)
    {
        if (kind is not null && _kinds.TryGetValue(kind, out var found)) return found;
        throw new InvalidInputException(
            $"Unknown run kind '{kind}'. Choose one of: {string.Join(", ", _kinds.Keys.Order())}.", "kind");
    }
}
