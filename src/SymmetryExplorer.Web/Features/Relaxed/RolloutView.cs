using System.Text.Json;
using SymmetryExplorer.Web.Features.LieGan;

namespace SymmetryExplorer.Web.Features.Relaxed;

/// <summary>A "rollout" snapshot of a relaxed run (see RolloutSnapshot in the engine), read for the viewer.</summary>
public sealed record RolloutView(int Steps, string Split, int Simulation, int Start, int Downsample, double[][][][] Truth, double[][][][] Prediction)
{
    public static RolloutView From(JsonElement data)
    {
        static double[][][][] Frames(JsonElement e) =>
            e.EnumerateArray().Select(step => step.EnumerateArray().Select(LieGanSnapshots.Matrix).ToArray()).ToArray();
        return new RolloutView(
            data.GetProperty("steps").GetInt32(),
            data.GetProperty("split").GetString() ?? "",
            data.GetProperty("simulation").GetInt32(),
            data.GetProperty("start").GetInt32(),
            data.GetProperty("downsample").GetInt32(),
            Frames(data.GetProperty("truth")),
            Frames(data.GetProperty("prediction")));
    }

    /// <summary>Root-mean-square difference between prediction and truth at one step.</summary>
    public double Rmse(int step)
    {
        double sum = 0;
        long n = 0;
        for (int c = 0; c < 2; c++)
        for (int y = 0; y < Truth[step][c].Length; y++)
        for (int x = 0; x < Truth[step][c][y].Length; x++)
        {
            double d = Prediction[step][c][y][x] - Truth[step][c][y][x];
            sum += d * d;
            n++;
        }
        return n == 0 ? double.NaN : Math.Sqrt(sum / n);
    }

    /// <summary>|prediction - truth| of the velocity at one step.</summary>
    public double[][] ErrorMagnitude(int step) =>
        Truth[step][0].Select((row, y) => row.Select((_, x) =>
        {
            double dx = Prediction[step][0][y][x] - Truth[step][0][y][x], dy = Prediction[step][1][y][x] - Truth[step][1][y][x];
            return Math.Sqrt(dx * dx + dy * dy);
        }).ToArray()).ToArray();
}
