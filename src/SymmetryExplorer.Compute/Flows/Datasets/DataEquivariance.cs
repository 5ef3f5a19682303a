namespace SymmetryExplorer.Compute.Flows.Datasets;

/// <summary>
/// How far a data set is from a symmetry, measured on the data themselves: for pairs of simulations
/// whose set-ups are nominally related by a group element g, the mean |g^-1(sim_g) - sim_e| over all
/// values, relative to mean |sim_e|. Zero for a perfectly symmetric set.
/// </summary>
/// <param name="Symmetry"><c>rotation</c> (quarter turns) or <c>translation</c> (horizontal shifts).</param>
/// <param name="Relative">Mean over elements of the relative error.</param>
/// <param name="Absolute">Mean over elements of mean |difference| (velocity units).</param>
/// <param name="PerElement">Relative error per element, e.g. "90", "180", "270", or "dx=8".</param>
/// <param name="Method">One line saying what was compared.</param>
public sealed record DataEquivariance(string Symmetry, double Relative, double Absolute,
                                      IReadOnlyDictionary<string, double> PerElement, string Method);
