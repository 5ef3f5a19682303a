using System.Diagnostics;

namespace SymmetryExplorer.Compute.Jobs;

/// <summary>
/// Times epochs for progress reports: elapsed time carried across resumes, and a remaining-time
/// estimate from the median of recent epoch durations (robust to a slow first epoch).
/// </summary>
public sealed class EpochClock
{
    private readonly Stopwatch _total = new();
    private readonly Stopwatch _epoch = new();
    private readonly List<double> _epochSeconds = [];
    private readonly TimeSpan _before;

    /// <param name="elapsedBefore">Training time already spent before a resume.</param>
    public EpochClock(TimeSpan elapsedBefore = default) => _before = elapsedBefore;

    public TimeSpan Elapsed => _before + _total.Elapsed;

    /// <summary>Seconds of each epoch finished since this clock started.</summary>
    public IReadOnlyList<double> EpochSeconds => _epochSeconds;

    public void StartEpoch()
    {
        _total.Start();
        _epoch.Restart();
    }

    /// <summary>Ends the current epoch and returns its duration in seconds.</summary>
    public double EndEpoch()
    {
        double seconds = _epoch.Elapsed.TotalSeconds;
        _epochSeconds.Add(seconds);
        return seconds;
    }

    /// <summary>Estimated time left for <paramref name="epochsLeft"/> whole epochs plus the unfinished part of this one.</summary>
    public TimeSpan? Remaining(int epochsLeft, double fractionOfCurrentEpochLeft = 0)
    {
        double perEpoch;
        if (_epochSeconds.Count > 0)
        {
            var recent = _epochSeconds.TakeLast(5).Order().ToArray();
            perEpoch = recent[recent.Length / 2];
        }
        else if (fractionOfCurrentEpochLeft is > 0 and < 1 && _epoch.Elapsed.TotalSeconds > 0.5)
        {
            perEpoch = _epoch.Elapsed.TotalSeconds / (1 - fractionOfCurrentEpochLeft);
        }
        else
        {
            return null;
        }
        return TimeSpan.FromSeconds(perEpoch * (Math.Max(epochsLeft, 0) + Math.Clamp(fractionOfCurrentEpochLeft, 0, 1)));
    }
}
