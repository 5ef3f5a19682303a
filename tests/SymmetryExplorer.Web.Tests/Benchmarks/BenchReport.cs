using System.Text.Json;

namespace SymmetryExplorer.Web.Tests.Benchmarks;

/// <summary>Where web benchmarks write their numbers: one JSON file per benchmark plus a printed summary.</summary>
internal static class BenchReport
{
    public static string Directory
    {
        get
        {
            string dir = Environment.GetEnvironmentVariable("SYMX_BENCH_OUT") ?? Path.Combine(AppContext.BaseDirectory, "bench");
            System.IO.Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public static void Write(string name, object result)
    {
        string json = JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });
        File.WriteAllText(Path.Combine(Directory, name + ".json"), json);
        Console.WriteLine($"BENCH {name}: {json}");
    }

    public static double Median(IReadOnlyList<double> values) => Quantile(values, 0.5);

    public static double Quantile(IReadOnlyList<double> values, double q)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        double position = q * (sorted.Length - 1);
        int lo = (int)Math.Floor(position), hi = (int)Math.Ceiling(position);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (position - lo);
    }

    /// <summary>CPU seconds this process has used (user + system), from /proc.</summary>
    public static double ProcessCpuSeconds()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        process.Refresh();
        return process.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>
    /// CPU seconds of this process's live threads by thread id, with whether each is training (the
    /// run's dedicated thread, named "run ...", and the libtorch workers it starts, which inherit
    /// the name) or something else (Kestrel, SignalR, Blazor circuits, the event writer). Linux only.
    /// </summary>
    public static Dictionary<int, (bool Training, double Seconds)> ThreadCpu()
    {
        var threads = new Dictionary<int, (bool, double)>();
        const double ticksPerSecond = 100; // USER_HZ on Linux
        foreach (string task in System.IO.Directory.GetDirectories("/proc/self/task"))
        {
            try
            {
                string comm = File.ReadAllText(Path.Combine(task, "comm")).Trim();
                string stat = File.ReadAllText(Path.Combine(task, "stat"));
                // Fields after the parenthesised name start at field 3; utime and stime are fields 14 and 15.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                double seconds = (double.Parse(fields[11]) + double.Parse(fields[12])) / ticksPerSecond;
                threads[int.Parse(Path.GetFileName(task))] = (comm.StartsWith("run ", StringComparison.Ordinal), seconds);
            }
            catch (IOException) { } // the thread ended while being read
        }
        return threads;
    }

    /// <summary>CPU seconds spent between two <see cref="ThreadCpu"/> samples (threads that ended in between are not counted).</summary>
    public static (double Training, double Other) ThreadCpuBetween(Dictionary<int, (bool Training, double Seconds)> before, Dictionary<int, (bool Training, double Seconds)> after)
    {
        double training = 0, other = 0;
        foreach (var (tid, (isTraining, seconds)) in after)
        {
            double spent = seconds - (before.TryGetValue(tid, out var b) ? b.Seconds : 0);
            if (isTraining) training += spent; else other += spent;
        }
        return (training, other);
    }
}
