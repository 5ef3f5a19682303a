namespace SymmetryExplorer.Web.Components.Charts;

/// <summary>Plots for a data set preview: a few panels, each a set of named x-y traces.</summary>
public sealed record PreviewModel(IReadOnlyList<PreviewPanel> Panels, string? Note = null);

/// <param name="Mode"><c>lines</c> (trajectories) or <c>markers</c> (samples).</param>
/// <param name="EqualAxes">Same scale on both axes (positions in the plane).</param>
public sealed record PreviewPanel(string Title, string XLabel, string YLabel, string Mode, IReadOnlyList<PreviewTrace> Traces, bool EqualAxes = false);

/// <param name="Group">Legend group and colour: e.g. train / test, or a class.</param>
public sealed record PreviewTrace(string Name, string Group, double[] X, double[] Y);
