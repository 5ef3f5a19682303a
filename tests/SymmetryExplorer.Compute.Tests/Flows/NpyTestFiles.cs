using System.Buffers.Binary;
using System.Text;

namespace SymmetryExplorer.Compute.Tests.Flows;

/// <summary>Writes hand-made .npy bytes (any descr, order, shape) so readers can be tested on what users send.</summary>
internal static class NpyTestFiles
{
    public static byte[] Build(string descr, long[] shape, byte[] body, bool fortran = false, byte[]? magic = null)
    {
        string dims = shape.Length == 1 ? $"{shape[0]}," : string.Join(", ", shape);
        string dict = $"{{'descr': '{descr}', 'fortran_order': {(fortran ? "True" : "False")}, 'shape': ({dims}), }}";
        int total = 10 + dict.Length + 1;
        string header = dict + new string(' ', (total + 63) / 64 * 64 - total) + "\n";
        using var ms = new MemoryStream();
        ms.Write(magic ?? [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y']);
        ms.Write([1, 0]);
        var len = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(len, (ushort)header.Length);
        ms.Write(len);
        ms.Write(Encoding.Latin1.GetBytes(header));
        ms.Write(body);
        return ms.ToArray();
    }

    public static byte[] Float64(double[] values, bool bigEndian = false)
    {
        var bytes = new byte[values.Length * 8];
        for (int i = 0; i < values.Length; i++)
        {
            if (bigEndian) BinaryPrimitives.WriteDoubleBigEndian(bytes.AsSpan(i * 8), values[i]);
            else BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * 8), values[i]);
        }
        return bytes;
    }

    public static byte[] Float32(float[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        return bytes;
    }

    public static float[] Ramp(int count) => Enumerable.Range(0, count).Select(i => (float)Math.Sin(i * 0.1)).ToArray();
}
