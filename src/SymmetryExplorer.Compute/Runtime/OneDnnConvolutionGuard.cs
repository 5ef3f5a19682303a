using System.Runtime.InteropServices;

namespace SymmetryExplorer.Compute.Runtime;

/// <summary>
/// Works around wrong float32 conv2d results in the libtorch 2.10 CPU build TorchSharp 0.107.0 ships:
/// its oneDNN (mkldnn) convolution returns garbage for batches of 2 or more whenever the number of
/// input channels is above the vector block (16 with AVX-512, 8 with AVX2) and not a multiple of it
/// (e.g. 20 input channels: 10 stacked velocity frames), and the wrong outputs change from run to run.
/// The test ConvolutionBackendTests pins this. Turning oneDNN off (what
/// <c>torch.backends.mkldnn.enabled = False</c> does in Python) makes libtorch use its own im2col +
/// GEMM convolution, which is correct. NNPACK, the next candidate, cannot initialise on these CPUs and
/// logs a warning on every convolution, so it is switched off too (it would not be used anyway).
/// TorchSharp does not expose these switches, so this calls
/// <c>at::globalContext().setUserEnabledMkldnn(false)</c> and <c>setUserEnabledNNPACK(false)</c> in
/// libtorch_cpu directly.
/// </summary>
public static class OneDnnConvolutionGuard
{
    private static readonly Lock Gate = new();
    private static bool _applied;

    /// <summary>Whether oneDNN and NNPACK were switched off by this process (false if the symbols were not found).</summary>
    public static bool Applied
    {
        get { lock (Gate) return _applied; }
    }

    /// <summary>Switches oneDNN and NNPACK off once per process; later calls do nothing. Returns whether they are off.</summary>
    public static bool Apply()
    {
        lock (Gate)
        {
            if (_applied) return true;
            try
            {
                var context = GlobalContext();
                SetUserEnabledMkldnn(context, false);
                SetUserEnabledNnpack(context, false);
                _applied = !UserEnabledMkldnn(context) && !UserEnabledNnpack(context);
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                _applied = false;
            }
            return _applied;
        }
    }

    [DllImport("libtorch_cpu", EntryPoint = "_ZN2at13globalContextEv")]
    private static extern IntPtr GlobalContext();

    [DllImport("libtorch_cpu", EntryPoint = "_ZN2at7Context20setUserEnabledMkldnnEb")]
    private static extern void SetUserEnabledMkldnn(IntPtr context, [MarshalAs(UnmanagedType.I1)] bool enabled);

    [DllImport("libtorch_cpu", EntryPoint = "_ZNK2at7Context17userEnabledMkldnnEv")]
    [return: MarshalAs(UnmanagedType.I1)]
    private static extern bool UserEnabledMkldnn(IntPtr context);

    [DllImport("libtorch_cpu", EntryPoint = "_ZN2at7Context20setUserEnabledNNPACKEb")]
    private static extern void SetUserEnabledNnpack(IntPtr context, [MarshalAs(UnmanagedType.I1)] bool enabled);

    [DllImport("libtorch_cpu", EntryPoint = "_ZNK2at7Context17userEnabledNNPACKEv")]
    [return: MarshalAs(UnmanagedType.I1)]
    private static extern bool UserEnabledNnpack(IntPtr context);
}
