using System.Text.Json;
using SymmetryExplorer.Compute.Jobs;
using SymmetryExplorer.Web.Storage;

namespace SymmetryExplorer.Web.Features.Runs.Kinds;

/// <summary>
/// What the web app needs to know about one kind of run (LieGAN discovery, relaxed-equivariant
/// training): which data sets it takes, its presets, how to validate a configuration and how to
/// build the engine's job. Everything else (queueing, streaming, storage, export) is shared.
/// </summary>
public interface IRunKind
{
    /// <summary>Stable name used in the API and the store, e.g. <c>liegan</c>.</summary>
    string Kind { get; }

    string DisplayName { get; }

    /// <summary>One sentence for pickers.</summary>
    string Description { get; }

    /// <summary>The <see cref="DatasetKinds"/> value this run kind trains on.</summary>
    string DatasetKind { get; }

    IReadOnlyList<RunPreset> Presets { get; }

    /// <summary>The preset to start from for a data set (e.g. the two-body preset for two-body data).</summary>
    string SuggestPreset(DatasetRecord dataset);

    /// <summary>
    /// Merges <paramref name="overrides"/> into the named preset, validates the result for this data
    /// set and returns it. Throws <see cref="Compute.InvalidInputException"/> naming the field.
    /// </summary>
    PreparedRun Prepare(string? preset, JsonElement? overrides, DatasetRecord dataset, string datasetPath);

    /// <summary>Builds the engine job for a stored run.</summary>
    ITrainingJob CreateJob(RunRecord run, DatasetRecord dataset, string datasetPath);

    /// <summary>How the run page groups this kind's epoch metrics into charts.</summary>
    IReadOnlyList<MetricChartSpec> Charts { get; }

    /// <summary>
    /// A component showing this kind's snapshots (generators, rollouts) on the run page, or null.
    /// It receives <c>Run</c> (<see cref="RunRecord"/>) and <c>Timeline</c> (<see cref="Live.SnapshotTimeline"/>).
    /// </summary>
    Type? PanelComponent { get; }

    /// <summary>
    /// A component comparing several runs of this kind side by side (generators, model scores), or
    /// null. It receives <c>Runs</c> (<c>IReadOnlyList&lt;RunRecord&gt;</c>).
    /// </summary>
    Type? CompareComponent { get; }

    /// <summary>Hints for the configuration form, by snake_case field name.</summary>
    IReadOnlyDictionary<string, ConfigFieldHint> FieldHints { get; }
}

/// <summary>A chart of related metrics on the run page.</summary>
/// <param name="Id">Stable element id.</param>
/// <param name="Title">Chart title.</param>
/// <param name="Prefixes">A metric is drawn here when its name starts with one of these.</param>
/// <param name="YTitle">Y-axis title.</param>
/// <param name="LogY">Log-scale y axis (for losses spanning decades).</param>
public sealed record MetricChartSpec(string Id, string Title, string[] Prefixes, string? YTitle = null, bool LogY = false)
{
    public bool Includes(string metric) => Prefixes.Any(p => metric.StartsWith(p, StringComparison.Ordinal));
}

/// <summary>How to present one configuration field.</summary>
/// <param name="Label">Human label.</param>
/// <param name="Help">One line of help under the field.</param>
/// <param name="Options">Allowed values for a choice field.</param>
/// <param name="Advanced">Shown only when the user opens "advanced".</param>
/// <param name="OptionalNumber">A number that may be left empty (null in the preset): edited as a number, not as JSON.</param>
public sealed record ConfigFieldHint(string Label, string? Help = null, string[]? Options = null, bool Advanced = false, bool OptionalNumber = false);

/// <param name="Name">Preset name, e.g. two-body.</param>
/// <param name="Description">What it is for.</param>
/// <param name="Config">The full configuration it stands for (snake_case JSON).</param>
public sealed record RunPreset(string Name, string Description, JsonElement Config);

/// <param name="ConfigJson">The validated configuration (snake_case JSON), stored with the run.</param>
/// <param name="TotalEpochs">Epochs the run will train for.</param>
/// <param name="Preset">The preset it started from.</param>
public sealed record PreparedRun(string ConfigJson, int TotalEpochs, string? Preset);
