using SymmetryExplorer.Compute.Data.BuiltIn;
using SymmetryExplorer.Compute.Data.Files;
using SymmetryExplorer.Compute.Data.Trajectories;

namespace SymmetryExplorer.Compute.Tests.Data;

public class BuiltInDatasetTests
{
    /// <summary>Radius, energy and per-feature spread of (N, 20, 8) two-body trajectories in raw order.</summary>
    private static (double RMin, double RMax, double EMin, double EMax, double[] Std) Stats(NdArray a)
    {
        int count = a.Shape[0] * a.Shape[1];
        double rMin = double.MaxValue, rMax = 0, eMin = double.MaxValue, eMax = double.MinValue;
        var sum = new double[8];
        var sq = new double[8];
        for (int i = 0; i < count; i++)
        {
            var f = a.Data.AsSpan(i * 8, 8);
            double r = Math.Sqrt(f[0] * f[0] + f[2] * f[2]);
            double dist = 2 * r;
            double kinetic = 0.5 * (f[4] * f[4] + f[5] * f[5] + f[6] * f[6] + f[7] * f[7]);
            double energy = kinetic - 1 / dist;
            rMin = Math.Min(rMin, r); rMax = Math.Max(rMax, r);
            eMin = Math.Min(eMin, energy); eMax = Math.Max(eMax, energy);
            for (int k = 0; k < 8; k++)
            {
                sum[k] += f[k];
                sq[k] += f[k] * f[k];
            }
        }
        var std = Enumerable.Range(0, 8).Select(k => Math.Sqrt(sq[k] / count - Math.Pow(sum[k] / count, 2))).ToArray();
        return (rMin, rMax, eMin, eMax, std);
    }

    [Fact]
    public void Generated_two_body_statistics_match_the_real_file_within_a_few_percent()
    {
        var real = Stats(NpyReader.Read(RealTwoBodyFileTests.TrainPath));
        var generated = BuiltInTrajectoryDatasets.Generate("two-body", seed: 0);
        var gen = Stats(generated.Train.Values);

        Assert.Equal([814, 20, 8], generated.Train.Values.Shape);
        Assert.Equal([790, 20, 8], generated.Test!.Values.Shape);
        Assert.InRange(gen.RMin, real.RMin * 0.97, real.RMin * 1.03);
        Assert.InRange(gen.RMax, real.RMax * 0.97, real.RMax * 1.03);
        Assert.InRange(gen.EMin, real.EMin * 1.03, real.EMin * 0.97); // energies are negative
        Assert.InRange(gen.EMax, real.EMax * 1.03, real.EMax * 0.97);
        for (int k = 0; k < 8; k++) Assert.InRange(gen.Std[k] / real.Std[k], 0.95, 1.05);
        Assert.Equal(14_652, generated.TrainPairs().Count);
    }

    [Fact]
    public void Two_body_train_and_test_start_in_opposite_half_planes_and_keep_the_centre_of_mass_fixed()
    {
        var g = BuiltInTrajectoryDatasets.Generate("two-body", seed: 3, new BuiltInOptions(Trajectories: 30, TestTrajectories: 30));
        for (int i = 0; i < 30; i++)
        {
            var train = g.Train.Values.Data.AsSpan(i * 20 * 8, 8);
            var test = g.Test!.Values.Data.AsSpan(i * 20 * 8, 8);
            Assert.True(Math.Atan2(train[2], train[0]) <= 0);
            Assert.True(Math.Atan2(test[2], test[0]) >= 0);
            var last = g.Train.Values.Data.AsSpan((i * 20 + 19) * 8, 8);
            Assert.Equal(-last[0], last[1], 9);
            Assert.Equal(-last[6], last[7], 9);
        }
    }

    [Fact]
    public void Generation_is_deterministic_by_seed()
    {
        var a = BuiltInTrajectoryDatasets.Generate("two-body", 7, new BuiltInOptions(5, 5));
        var b = BuiltInTrajectoryDatasets.Generate("two-body", 7, new BuiltInOptions(5, 5));
        var c = BuiltInTrajectoryDatasets.Generate("two-body", 8, new BuiltInOptions(5, 5));
        Assert.Equal(a.Train.Values.Data, b.Train.Values.Data);
        Assert.NotEqual(a.Train.Values.Data, c.Train.Values.Data);
    }

    [Fact]
    public void Orbit_integration_conserves_energy_and_angular_momentum()
    {
        var g = BuiltInTrajectoryDatasets.Generate("three-body", 1, new BuiltInOptions(4, 1));
        var a = g.Train.Values;
        for (int i = 0; i < 4; i++)
        {
            double Energy(int t)
            {
                var s = a.Data.AsSpan((i * 20 + t) * 12, 12);
                double e = 0;
                for (int b = 0; b < 3; b++) e += 0.5 * (s[6 + b] * s[6 + b] + s[9 + b] * s[9 + b]);
                for (int b = 0; b < 3; b++)
                for (int c = b + 1; c < 3; c++) e -= 1 / Math.Sqrt(Math.Pow(s[b] - s[c], 2) + Math.Pow(s[3 + b] - s[3 + c], 2));
                return e;
            }
            double Angular(int t)
            {
                var s = a.Data.AsSpan((i * 20 + t) * 12, 12).ToArray();
                return Enumerable.Range(0, 3).Sum(b => s[b] * s[9 + b] - s[3 + b] * s[6 + b]);
            }
            Assert.Equal(Energy(0), Energy(19), 7);
            Assert.Equal(Angular(0), Angular(19), 7);
        }
        Assert.Equal(12, g.TrainPairs().Dimension);
    }

    [Fact]
    public void Discrete_rotation_target_is_invariant_under_rotation_by_two_pi_over_seven()
    {
        var g = BuiltInTrajectoryDatasets.Generate("discrete-rotation", 2, new BuiltInOptions(200));
        var pairs = g.TrainPairs();
        Assert.Equal(TargetKind.Scalar, pairs.Target);
        Assert.Equal(3, pairs.Dimension);
        double sector = 2 * Math.PI / 7;
        for (int i = 0; i < 200; i++)
        {
            double x1 = pairs.X[i * 3], x2 = pairs.X[i * 3 + 1], x3 = pairs.X[i * 3 + 2];
            double angle = Math.Atan2(x2, x1) + sector; // rotate by 2π/7
            double mod = angle - sector * Math.Floor(angle / sector);
            Assert.Equal(pairs.Y[i], x3 / (1 + mod), 4);
        }
    }

    [Fact]
    public void Lorentz_pairs_are_massless_particles_with_class_dependent_invariant_mass()
    {
        var g = BuiltInTrajectoryDatasets.Generate("lorentz", 4, new BuiltInOptions(400));
        var pairs = g.TrainPairs();
        Assert.Equal(TargetKind.Class, pairs.Target);
        Assert.Equal(2, pairs.ClassCount);
        var m = g.Train.Values.Data;
        for (int i = 0; i < 400; i++)
        {
            double Minkowski(double[] a, double[] b) => -a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3];
            var p1 = m.AsSpan(i * 8, 4).ToArray();
            var p2 = m.AsSpan(i * 8 + 4, 4).ToArray();
            Assert.Equal(0, Minkowski(p1, p1), 6);
            Assert.True(p1[0] > 0 && p2[0] > 0);
            var sum = p1.Zip(p2, (a, b) => a + b).ToArray();
            double mass = Math.Sqrt(-Minkowski(sum, sum));
            if (g.Train.Labels!.Data[i] == 1) Assert.Equal(1.0, mass, 6);
        }
    }

    [Fact]
    public void Unknown_built_in_names_list_the_choices()
    {
        var ex = Assert.Throws<InvalidInputException>(() => BuiltInTrajectoryDatasets.Generate("four-body"));
        Assert.Contains("two-body, three-body, discrete-rotation, lorentz", ex.Message);
    }
}
