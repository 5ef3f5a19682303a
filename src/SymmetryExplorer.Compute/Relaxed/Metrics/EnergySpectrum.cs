using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryExplorer.Compute.Relaxed.Metrics;

/// <summary>
/// Energy spectrum error (ESE): the turbulent kinetic energy spectrum of a velocity field is
/// E(k) = 1/2 sum over wavenumbers with round(|kappa|) = k of |u_hat|^2 + |v_hat|^2, after removing
/// the mean flow; ESE is the RMSE between log10 E(k) of prediction and truth over k = 1 .. N/2,
/// averaged over frames. Insensitive to phase: it asks whether the prediction has the right
/// mix of scales, not whether eddies sit in the right places.
/// </summary>
public static class EnergySpectrum
{
    private const double Floor = 1e-12; // keeps log10 finite for empty shells

    /// <summary>E(k) for frames (..., 2, H, W): returns (..., K) with K = min(H, W) / 2.</summary>
    public static Tensor Spectrum(Tensor frames)
    {
        long h = frames.shape[^2], w = frames.shape[^1];
        var fluctuation = frames - frames.mean([-2L, -1L], keepdim: true);
        var hat = fft.fft2(fluctuation.to(ScalarType.Float64), norm: FFTNormType.Forward);
        var power = (hat.real.square() + hat.imag.square()).sum([-3L]) * 0.5; // (..., H, W)
        var ky = fft.fftfreq(h, d: 1.0 / h, dtype: ScalarType.Float64, device: frames.device).reshape(h, 1);
        var kx = fft.fftfreq(w, d: 1.0 / w, dtype: ScalarType.Float64, device: frames.device).reshape(1, w);
        var shell = (ky.square() + kx.square()).sqrt().round().to(ScalarType.Int64).flatten();
        long kmax = Math.Min(h, w) / 2;
        var flat = power.flatten(-2); // (..., H*W)
        var spectra = new Tensor[kmax];
        for (long k = 1; k <= kmax; k++)
            spectra[k - 1] = flat.index_select(-1, (shell == k).nonzero().squeeze(1)).sum([-1L]);
        return stack(spectra, -1);
    }

    /// <summary>Mean over frames of the RMSE between log10 spectra; inputs (..., 2, H, W) of equal shape.</summary>
    public static double Error(Tensor prediction, Tensor truth)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var lp = (Spectrum(prediction) + Floor).log10();
        var lt = (Spectrum(truth) + Floor).log10();
        return (lp - lt).square().mean([-1L]).sqrt().mean().item<double>();
    }
}
