using SymmetryExplorer.Compute.LieGan;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Tests.LieGan;

/// <summary>
/// The trainer's fused step (one discriminator pass, gradients by autograd.grad, its own Adam) must
/// reproduce the reference's training step written out plainly: G forward, BCE + lambda * cosine,
/// backward, TorchSharp's Adam on L; then D on the real batch and the detached transformed batch,
/// backward, TorchSharp's Adam on D.
/// </summary>
public class TrainingStepTests
{
    public TrainingStepTests() => TorchFixture.Ensure();

    [Fact]
    public void Fused_step_matches_the_reference_two_pass_step_with_torchsharps_adam()
    {
        using var threads = new SingleTorchThread();
        var data = LieGanJobTests.SmallTwoBody(12);
        var config = LieGanPresets.Get("two-body").Config with { HiddenWidth = 32 };
        using var fused = new LieGanTrainer(config, data, seed: 9, CPU);
        using var plain = new LieGanTrainer(config, data, seed: 9, CPU);
        var optG = optim.Adam([plain.Generator.L], lr: config.GeneratorLearningRate, beta1: config.GeneratorBeta1, beta2: config.GeneratorBeta2);
        var optD = optim.Adam(plain.Discriminator.parameters(), lr: config.DiscriminatorLearningRate);
        var x = tensor(data.X).reshape(data.XShape);
        var y = tensor(data.Y).reshape(data.YShape);

        for (int step = 0; step < 3; step++)
        {
            using var scope = NewDisposeScope();
            var bx = x.narrow(0, step * 64, 64);
            var by = y.narrow(0, step * 64, 64);
            var fusedLosses = fused.Step(bx, by, 0);

            // The reference's order, verbatim.
            optG.zero_grad();
            var g = plain.Generator.GroupElements(plain.Generator.SampleCoefficients(64, plain.Random, CPU));
            var gx = LieAlgebraGenerator.Act(g, bx);
            var gy = LieAlgebraGenerator.Act(g, by);
            var gLoss = nn.functional.binary_cross_entropy(plain.Discriminator.forward(gx, gy), ones(64, 1));
            var reg = nn.functional.cosine_similarity(gx, bx, dim: 2).mean().abs();
            (gLoss + config.Lambda * reg).backward();
            optG.step();
            optD.zero_grad();
            var real = nn.functional.binary_cross_entropy(plain.Discriminator.forward(bx, by), ones(64, 1));
            var fakeLoss = nn.functional.binary_cross_entropy(plain.Discriminator.forward(gx.detach(), gy.detach()), zeros(64, 1));
            ((real + fakeLoss) / 2).backward();
            optD.step();

            Assert.Equal(gLoss.item<float>(), (float)fusedLosses.GAdv, 5);
            Assert.Equal(real.item<float>(), (float)fusedLosses.DReal, 5);
            Assert.Equal(fakeLoss.item<float>(), (float)fusedLosses.DFake, 5);
        }

        Assert.True(allclose(fused.Generator.L, plain.Generator.L, rtol: 1e-5, atol: 1e-6), "L differs");
        foreach (var ((name, a), (_, b)) in fused.Discriminator.named_parameters().Zip(plain.Discriminator.named_parameters()))
            Assert.True(allclose(a, b, rtol: 1e-5, atol: 1e-6), $"discriminator {name} differs");
        // And the steps did move both players (otherwise the comparison would be empty).
        using var fresh = new LieGanTrainer(config, data, seed: 9, CPU);
        Assert.False(allclose(fresh.Generator.L, fused.Generator.L, rtol: 0, atol: 1e-5));
    }

    [Fact]
    public void Fast_preset_schedule_holds_then_decays_both_learning_rates_geometrically()
    {
        var config = LieGanPresets.Get("two-body-fast").Config with { HiddenWidth = 8 };
        using var trainer = new LieGanTrainer(config, LieGanJobTests.SmallTwoBody(2), seed: 1, CPU);

        Assert.Equal(1e-2, trainer.GeneratorLearningRate(0), 12);
        Assert.Equal(1e-2, trainer.GeneratorLearningRate(1), 12);
        Assert.Equal(Math.Sqrt(1e-2 * 1e-3), trainer.GeneratorLearningRate(2), 12);
        Assert.Equal(1e-3, trainer.GeneratorLearningRate(3), 12);
        Assert.Equal(1e-3, trainer.GeneratorLearningRate(50), 12);
        Assert.Equal(2e-3, trainer.DiscriminatorLearningRate(0.5), 12);
        Assert.Equal(2e-4, trainer.DiscriminatorLearningRate(7), 12);
        using var paper = new LieGanTrainer(LieGanPresets.Get("two-body").Config with { HiddenWidth = 8 }, LieGanJobTests.SmallTwoBody(2), 1, CPU);
        Assert.Equal(1e-3, paper.GeneratorLearningRate(0.3), 12);
        Assert.Equal(2e-4, paper.DiscriminatorLearningRate(40), 12);
    }

    [Fact]
    public void Lambda_is_constant_unless_a_final_lambda_is_set_and_then_decays_on_the_schedule_clock()
    {
        var data = LieGanJobTests.SmallTwoBody(2);
        var constant = LieGanPresets.Get("two-body").Config with { HiddenWidth = 8 };
        using (var trainer = new LieGanTrainer(constant, data, seed: 1, CPU))
        {
            Assert.Equal(1.0, trainer.RegularizerWeight(0), 12);
            Assert.Equal(1.0, trainer.RegularizerWeight(500), 12);
        }
        // Lambda decays even with a constant learning rate: the clock is the schedule's, not the optimiser's.
        var decaying = constant with { LambdaFinal = 0.01, ScheduleStartEpoch = 10, ScheduleEpochs = 10 };
        using var scheduled = new LieGanTrainer(decaying, data, seed: 1, CPU);
        Assert.Equal(1.0, scheduled.RegularizerWeight(9.5), 12);
        Assert.Equal(0.1, scheduled.RegularizerWeight(15), 12);
        Assert.Equal(0.01, scheduled.RegularizerWeight(20), 12);
        Assert.Equal(0.01, scheduled.RegularizerWeight(80), 12);
        Assert.Equal(1e-3, scheduled.GeneratorLearningRate(15), 12);

        // The step applies the weight of its own epoch position: the same batch and state at epoch 0
        // and at epoch 20 give weighted regulariser terms 100x apart.
        using var early = new LieGanTrainer(decaying, data, seed: 3, CPU);
        using var late = new LieGanTrainer(decaying, data, seed: 3, CPU);
        using var scope = NewDisposeScope();
        var x = tensor(data.X).reshape(data.XShape).narrow(0, 0, 16);
        var y = tensor(data.Y).reshape(data.YShape).narrow(0, 0, 16);
        var a = early.Step(x, y, epochPosition: 0);
        var b = late.Step(x, y, epochPosition: 20);
        Assert.Equal(a.GAdv, b.GAdv, 6);
        Assert.Equal(a.GReg / 100, b.GReg, 6);
    }

    [Fact]
    public void A_final_lambda_must_be_positive_and_needs_a_lambda_to_decay_from()
    {
        var config = LieGanPresets.Get("two-body").Config;
        Assert.Equal("lambda_final", Assert.Throws<InvalidInputException>(() => (config with { LambdaFinal = 0 }).Validate()).Field);
        Assert.Equal("lambda_final", Assert.Throws<InvalidInputException>(() => (config with { Lambda = 0, LambdaFinal = 0.1 }).Validate()).Field);
        (config with { LambdaFinal = 0.01 }).Validate();
    }

    [Fact]
    public void Discriminator_rate_follows_the_generator_schedule_unless_it_has_its_own_final_rate()
    {
        var data = LieGanJobTests.SmallTwoBody(2);
        var decaying = LieGanPresets.Get("two-body").Config with
        {
            HiddenWidth = 8, GeneratorSchedule = "exp-decay", GeneratorLearningRateFinal = 1e-4, ScheduleStartEpoch = 20, ScheduleEpochs = 10,
        };
        using (var follows = new LieGanTrainer(decaying, data, seed: 1, CPU))
            Assert.Equal(2e-4 * Math.Pow(0.1, 0.5), follows.DiscriminatorLearningRate(25), 12);
        using (var constant = new LieGanTrainer(decaying with { DiscriminatorLearningRateFinal = 2e-4 }, data, seed: 1, CPU))
        {
            Assert.Equal(2e-4, constant.DiscriminatorLearningRate(25), 12);
            Assert.Equal(2e-4, constant.DiscriminatorLearningRate(40), 12);
            Assert.Equal(1e-4, constant.GeneratorLearningRate(40), 12);
        }
        using var own = new LieGanTrainer(decaying with { DiscriminatorLearningRateFinal = 2e-6 }, data, seed: 1, CPU);
        Assert.Equal(2e-5, own.DiscriminatorLearningRate(25), 12);
        Assert.Equal(2e-6, own.DiscriminatorLearningRate(31), 12);
        Assert.Equal("discriminator_learning_rate_final",
            Assert.Throws<InvalidInputException>(() => (decaying with { DiscriminatorLearningRateFinal = 0 }).Validate()).Field);
    }

    [Fact]
    public void Gradient_penalty_changes_only_the_discriminators_step()
    {
        using var threads = new SingleTorchThread();
        var data = LieGanJobTests.SmallTwoBody(4);
        var config = LieGanPresets.Get("two-body").Config with { HiddenWidth = 32 };
        using var plain = new LieGanTrainer(config, data, seed: 4, CPU);
        using var penalised = new LieGanTrainer(config with { DiscriminatorGradientPenalty = 10 }, data, seed: 4, CPU);
        using var scope = NewDisposeScope();
        var x = tensor(data.X).reshape(data.XShape).narrow(0, 0, 64);
        var y = tensor(data.Y).reshape(data.YShape).narrow(0, 0, 64);
        var a = plain.Step(x, y, 0);
        var b = penalised.Step(x, y, 0);

        // The generator's loss and update do not see the penalty...
        Assert.Equal(a.GAdv, b.GAdv, 6);
        Assert.True(allclose(plain.Generator.L, penalised.Generator.L, rtol: 1e-6, atol: 1e-7));
        // ...the discriminator's update does (Adam's first step moves every weight by about the
        // rate, so compare directions: some weights must have moved the other way).
        var before = new LieGanTrainer(config, data, seed: 4, CPU);
        var first = plain.Discriminator.parameters().First();
        var firstPenalised = penalised.Discriminator.parameters().First();
        var start = before.Discriminator.parameters().First();
        var flipped = ((first - start).sign() != (firstPenalised - start).sign()).sum().item<long>();
        Assert.True(flipped > 0, "the penalty did not change the discriminator's step");
        before.Dispose();
        Assert.Equal("discriminator_gradient_penalty",
            Assert.Throws<InvalidInputException>(() => (config with { DiscriminatorGradientPenalty = -1 }).Validate()).Field);
    }

    [Fact]
    public void Averaging_starts_at_its_epoch_and_weights_each_step_by_its_learning_rate()
    {
        using var threads = new SingleTorchThread();
        var data = LieGanJobTests.SmallTwoBody(4);
        var config = LieGanPresets.Get("two-body").Config with
        {
            HiddenWidth = 32, GeneratorAverageFromEpoch = 1,
            GeneratorSchedule = "exp-decay", GeneratorLearningRateFinal = 1e-4, ScheduleStartEpoch = 1, ScheduleEpochs = 1,
        };
        using var trainer = new LieGanTrainer(config, data, seed: 2, CPU);
        using var scope = NewDisposeScope();
        var x = tensor(data.X).reshape(data.XShape).narrow(0, 0, 64);
        var y = tensor(data.Y).reshape(data.YShape).narrow(0, 0, 64);

        trainer.Step(x, y, 0.5);
        Assert.False(trainer.IsAveraging); // before the start epoch the answer is the live L
        Assert.Equal(trainer.LiveGenerators(), trainer.CurrentGenerators());

        var snapshots = new List<Tensor>();
        var rates = new List<double>();
        foreach (double position in new[] { 1.0, 1.5, 2.0 })
        {
            trainer.Step(x, y, position);
            snapshots.Add(trainer.Generator.L.detach().to(float64).clone());
            rates.Add(trainer.GeneratorLearningRate(position));
        }
        Assert.Equal(1e-3, rates[0], 15);
        Assert.Equal(1e-3 * Math.Sqrt(0.1), rates[1], 15);
        Assert.Equal(1e-4, rates[2], 15);
        var expected = snapshots.Zip(rates, (l, r) => l * r).Aggregate((a, b) => a + b) / rates.Sum();

        Assert.True(trainer.IsAveraging);
        Assert.Equal(rates.Sum(), trainer.Average!.Weight.item<double>(), 15);
        Assert.True(allclose(trainer.Average.Mean, expected, rtol: 1e-12, atol: 1e-15));
        var answer = trainer.CurrentGenerators()[0];
        var mean = trainer.Average.Mean[0].data<double>().ToArray();
        Assert.Equal(mean[1], answer[0, 1], 12); // the answer is the (masked) average...
        Assert.Equal(0, answer[0, 5]);
        Assert.NotEqual(answer[0, 1], trainer.LiveGenerators()[0][0, 1]); // ...not the live L
        Assert.Equal("generator_average_from_epoch",
            Assert.Throws<InvalidInputException>(() => (config with { GeneratorAverageFromEpoch = -1 }).Validate()).Field);
    }
}
