using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SymmetryExplorer.Compute.Data.BuiltIn;
using SymmetryExplorer.Compute.LieGan;
using SymmetryExplorer.Compute.Runtime;

namespace SymmetryExplorer.Cli.Commands;

/// <summary>
/// <c>symx bench liegan</c>: times two-body training epochs (229 batches of 64 at the reference
/// model size) and tracks resident memory, so speed regressions and tensor leaks show up.
/// </summary>
public static class BenchLieGanCommand
{
    public static Command Create(TextWriter output)
    {
        var epochs = new Option<int>("--epochs") { Description = "Timed epochs (after one warm-up epoch).", DefaultValueFactory = _ => 10 };
        var preset = new Option<string>("--preset") { Description = "Preset to time.", DefaultValueFactory = _ => "two-body" };
        var json = new Option<bool>("--json") { Description = "Print the measurements as JSON." };
        var limit = new Option<int>("--limit") { Description = "Use only the first N pairs (0 = all 14,652): for long memory checks with short epochs.", DefaultValueFactory = _ => 0 };
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        var command = new Command("liegan", "Time LieGAN two-body epochs (median and spread) and watch resident memory.") { epochs, preset, json, limit, device, threads };
        command.SetAction(parse =>
        {
            int n = parse.GetValue(epochs);
            if (n < 1 || n > 100000) throw new UsageException($"--epochs must be between 1 and 100000, not {n}.");
            var (info, computeDevice) = EngineSetup.Initialize(parse.GetValue(device), parse.GetValue(threads));
            var chosen = LieGanPresets.Get(parse.GetValue(preset)!);
            if (parse.GetValue(limit) < 0) throw new UsageException("--limit must be 0 (all pairs) or positive.");
            var data = BuiltInTrajectoryDatasets.Generate(chosen.DefaultDataset, 0).TrainPairs();
            if (parse.GetValue(limit) > 0) data = data.Take(parse.GetValue(limit));
            string load0 = LoadAverage();
            using var trainer = new LieGanTrainer(chosen.Config with { Epochs = n + 1 }, data, seed: 1, computeDevice);

            var process = Process.GetCurrentProcess();
            var seconds = new List<double>();
            var cpuSeconds = new List<double>();
            var rss = new List<double>();
            var watch = new Stopwatch();
            for (int epoch = 0; epoch <= n; epoch++)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                watch.Restart();
                trainer.TrainEpoch(epoch);
                watch.Stop();
                process.Refresh();
                double cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
                if (epoch == 0) continue; // warm-up: first-touch allocations and libtorch's lazy initialisation
                seconds.Add(watch.Elapsed.TotalSeconds);
                cpuSeconds.Add(cpu);
                rss.Add(process.WorkingSet64 / 1048576.0);
                if (!parse.GetValue(json))
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}: {watch.Elapsed.TotalSeconds:0.000} s  cpu {cpu:0.000} s  rss {rss[^1]:0} MiB"));
            }
            var sorted = seconds.Order().ToArray();
            double Quantile(double q) => sorted[(int)Math.Round(q * (sorted.Length - 1))];
            int tail = Math.Max(1, rss.Count / 10);
            var report = new
            {
                preset = chosen.Name,
                device = computeDevice.ToString(),
                threads = info.Threads,
                batches_per_epoch = trainer.StepsPerEpoch,
                batch_size = chosen.Config.BatchSize,
                pairs = data.Count,
                epochs = n,
                median_seconds = Quantile(0.5),
                min_seconds = sorted[0],
                max_seconds = sorted[^1],
                p25_seconds = Quantile(0.25),
                p75_seconds = Quantile(0.75),
                ms_per_batch = Quantile(0.5) * 1000 / trainer.StepsPerEpoch,
                // Process CPU time per epoch: with one thread, what the epoch takes on an idle core,
                // which stays meaningful when other work shares the machine.
                median_cpu_seconds = cpuSeconds.Order().ElementAt(cpuSeconds.Count / 2),
                rss_first_mib = rss[0],
                rss_last_mib = rss[^1],
                rss_max_mib = rss.Max(),
                // Growth between the first and last tenth of the run (means), robust to one-off spikes.
                rss_growth_mib = rss.TakeLast(tail).Average() - rss.Take(tail).Average(),
                load_average_start = load0,
                load_average_end = LoadAverage(),
            };
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(report, CliJson.Options));
            }
            else
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"liegan {report.preset}: {n} epochs x {report.batches_per_epoch} batches of {report.batch_size} on {report.device} ({report.threads} threads): " +
                    $"median {report.median_seconds:0.000} s/epoch (min {report.min_seconds:0.000}, p25 {report.p25_seconds:0.000}, p75 {report.p75_seconds:0.000}, max {report.max_seconds:0.000}), " +
                    $"{report.ms_per_batch:0.00} ms/batch; median cpu {report.median_cpu_seconds:0.000} s/epoch; rss {report.rss_first_mib:0} -> {report.rss_last_mib:0} MiB (growth {report.rss_growth_mib:+0.0;-0.0} MiB); load {report.load_average_start} -> {report.load_average_end}"));
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
