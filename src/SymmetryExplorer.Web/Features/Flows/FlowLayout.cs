using System.Text.Json;
using System.Text.Json.Serialization;
using SymmetryExplorer.Compute;
using SymmetryExplorer.Compute.Flows;
using SymmetryExplorer.Compute.Flows.Datasets;

namespace SymmetryExplorer.Web.Features.Flows;

/// <summary>
/// How a stored flow file is used: which simulations train and which are held out for the Domain
/// test. Built-in sets keep the split they were generated with; uploads get a seeded random one.
/// </summary>
public sealed record FlowLayout(IReadOnlyList<int> TrainSimulations, IReadOnlyList<int> DomainSimulations, string? ArrayName = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static FlowLayout From(FlowSplitPlan split, string? arrayName = null) => new(split.TrainSimulations, split.DomainSimulations, arrayName);

    public FlowSplitPlan ToSplit() => new(TrainSimulations, DomainSimulations);

    public JsonElement ToElement() => JsonSerializer.SerializeToElement(this, Json);

    public static FlowLayout Parse(JsonElement json)
    {
        try
        {
            return json.Deserialize<FlowLayout>(Json) ?? throw new InvalidInputException("The flow layout is empty.", "layout");
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException($"The flow layout is not valid: {ex.Message}", "layout", ex);
        }
    }

    /// <summary>Checks the split against a file's simulation count.</summary>
    public FlowLayout Validate(int simulations)
    {
        var all = TrainSimulations.Concat(DomainSimulations).ToList();
        if (TrainSimulations.Count == 0)
            throw new InvalidInputException("At least one simulation must train.", "train_simulations");
        if (all.Any(s => s < 0 || s >= simulations))
            throw new InvalidInputException($"Simulation indices must be in 0..{simulations - 1}.", "train_simulations");
        if (all.Distinct().Count() != all.Count)
            throw new InvalidInputException("A simulation cannot both train and be held out (or appear twice).", "domain_simulations");
        return this;
    }

    /// <summary>The data set the relaxed job trains on.</summary>
    public FlowDataset ToDataset(string name, FlowData data) =>
        new(name, data, Validate(data.Simulations).ToSplit(), null,
            Enumerable.Range(0, data.Simulations).Select(s => $"simulation {s}").ToArray(), null);
}
