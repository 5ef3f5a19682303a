using System.Globalization;
using SymmetryExplorer.Compute.Jobs;

namespace SymmetryExplorer.Cli.Progress;

/// <summary>
/// Shows a job's progress in a terminal: one self-rewriting status line (epoch, the chosen metrics,
/// ETA) when output is a terminal, and one plain line per epoch when it is redirected, so logs and
/// CI stay readable.
/// </summary>
public sealed class ConsoleProgressSink : IJobSink
{
    private readonly TextWriter _out;
    private readonly bool _interactive;
    private readonly string[] _shownMetrics;
    private readonly Lock _gate = new();
    private JobProgress? _lastProgress;
    private IReadOnlyDictionary<string, double> _lastValues = new Dictionary<string, double>();
    private DateTime _lastDraw = DateTime.MinValue;
    private int _lastLineLength;

    /// <param name="output">Where to write.</param>
    /// <param name="interactive">Rewrite one line in place (a terminal) rather than print a line per epoch.</param>
    /// <param name="shownMetrics">Metric keys to show, in order; others are left out to keep the line short.</param>
    public ConsoleProgressSink(TextWriter output, bool interactive, params string[] shownMetrics)
    {
        _out = output;
        _interactive = interactive;
        _shownMetrics = shownMetrics;
    }

    /// <summary>True when standard output is a terminal a line can be redrawn in.</summary>
    public static bool StandardOutputIsTerminal => !Console.IsOutputRedirected;

    public void Progress(JobProgress progress)
    {
        lock (_gate)
        {
            _lastProgress = progress;
            if (_interactive && (DateTime.UtcNow - _lastDraw).TotalMilliseconds >= 200) Redraw();
        }
    }

    public void Metrics(JobMetrics metrics)
    {
        if (metrics.Scope != JobMetrics.EpochScope) return;
        lock (_gate)
        {
            _lastValues = metrics.Values;
            if (_interactive)
            {
                Redraw();
                return;
            }
            _out.WriteLine(FormatLine(metrics.Epoch + 1));
            _out.Flush();
        }
    }

    public void Snapshot(JobSnapshot snapshot) { }

    public void CheckpointSaved(JobCheckpointSaved checkpoint) { }

    public void Log(JobLogLevel level, string message)
    {
        if (level == JobLogLevel.Debug) return;
        lock (_gate)
        {
            ClearLine();
            _out.WriteLine(level >= JobLogLevel.Warning ? $"{level.ToString().ToLowerInvariant()}: {message}" : message);
            _out.Flush();
        }
    }

    /// <summary>Ends the live line so what follows starts on a fresh line.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (_interactive && _lastLineLength > 0) _out.WriteLine();
            _lastLineLength = 0;
            _out.Flush();
        }
    }

    private void Redraw()
    {
        int epoch = (_lastProgress?.Epoch ?? 0) + 1;
        string line = FormatLine(Math.Min(epoch, _lastProgress?.TotalEpochs ?? epoch));
        _out.Write('\r' + line.PadRight(_lastLineLength));
        _out.Flush();
        _lastLineLength = line.Length;
        _lastDraw = DateTime.UtcNow;
    }

    private void ClearLine()
    {
        if (!_interactive || _lastLineLength == 0) return;
        _out.Write('\r' + new string(' ', _lastLineLength) + '\r');
        _lastLineLength = 0;
    }

    private string FormatLine(int epochShown)
    {
        var p = _lastProgress;
        var parts = new List<string>
        {
            p is null ? $"epoch {epochShown}" : $"epoch {epochShown}/{p.TotalEpochs}",
        };
        if (_interactive && p is not null && p.StepsPerEpoch > 0 && p.StepInEpoch < p.StepsPerEpoch)
            parts.Add($"batch {p.StepInEpoch}/{p.StepsPerEpoch}");
        foreach (string key in _shownMetrics)
        {
            if (_lastValues.TryGetValue(key, out double v)) parts.Add($"{key} {Format(v)}");
        }
        if (p is not null)
        {
            parts.Add($"elapsed {FormatTime(p.Elapsed)}");
            if (p.Remaining is { } eta && p.Epoch < p.TotalEpochs) parts.Add($"eta {FormatTime(eta)}");
        }
        return string.Join("  ", parts);
    }

    private static string Format(double v) =>
        double.IsFinite(v) && Math.Abs(v) is >= 1e-3 and < 1e4 || v == 0
            ? v.ToString("0.0000", CultureInfo.InvariantCulture)
            : v.ToString("0.00e+0", CultureInfo.InvariantCulture);

    private static string FormatTime(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:00}m" : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes}m{t.Seconds:00}s" : $"{t.TotalSeconds:0.0}s";
}
