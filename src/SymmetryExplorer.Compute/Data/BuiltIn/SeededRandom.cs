namespace SymmetryExplorer.Compute.Data.BuiltIn;

/// <summary>
/// Deterministic random numbers for the data generators: <see cref="Random"/> with a seed is stable
/// across runs and .NET versions; normals by Box-Muller.
/// </summary>
internal sealed class SeededRandom(int seed)
{
    private readonly Random _random = new(seed);
    private double? _spare;

    public double Uniform(double low, double high) => low + (high - low) * _random.NextDouble();

    public double Normal()
    {
        if (_spare is { } s)
        {
            _spare = null;
            return s;
        }
        double u1 = 1.0 - _random.NextDouble(), u2 = _random.NextDouble();
        double r = Math.Sqrt(-2.0 * Math.Log(u1));
        _spare = r * Math.Sin(2 * Math.PI * u2);
        return r * Math.Cos(2 * Math.PI * u2);
    }
}
