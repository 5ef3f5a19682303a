using System.Globalization;

namespace SymmetryExplorer.Web.Features.Runs.Pages;

/// <summary>Formatting shared by the run views.</summary>
public static class RunFormat
{
    public static string Duration(double seconds) =>
        seconds <= 0 || double.IsNaN(seconds) ? "–"
        : seconds < 60 ? $"{seconds:0.0} s"
        : seconds < 3600 ? $"{(int)(seconds / 60)} min {(int)(seconds % 60):00} s"
        : $"{(int)(seconds / 3600)} h {(int)(seconds % 3600 / 60):00} min";

    public static string Time(DateTimeOffset? t) => t?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "–";

    public static string Number(double v) =>
        double.IsNaN(v) ? "NaN"
        : double.IsInfinity(v) ? (v > 0 ? "∞" : "-∞")
        : Math.Abs(v) is >= 1e-3 and < 1e5 || v == 0 ? v.ToString("0.####", CultureInfo.InvariantCulture)
        : v.ToString("0.###e+0", CultureInfo.InvariantCulture);
}
