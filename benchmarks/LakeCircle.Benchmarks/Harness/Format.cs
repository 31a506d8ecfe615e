using System.Globalization;

namespace LakeCircle.Benchmarks.Harness;

/// <summary>Number formatting for the printed lines (invariant culture, thousands separators).</summary>
internal static class Format
{
    public static string Count(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Ms(double value) => value.ToString(value < 10 ? "N2" : "N0", CultureInfo.InvariantCulture) + " ms";

    public static string MiB(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N1", CultureInfo.InvariantCulture) + " MiB";

    public static string Bytes(double bytes) => bytes >= 10 * 1024 * 1024
        ? MiB((long)bytes)
        : bytes >= 10 * 1024 ? (bytes / 1024).ToString("N0", CultureInfo.InvariantCulture) + " KiB" : Count(bytes) + " B";

    public static string Percent(double ratio) => (ratio * 100).ToString("N0", CultureInfo.InvariantCulture) + "%";

    /// <summary>The usual tail of a line: median, p95, allocations and peak working set.</summary>
    public static string Timing(Measurement m) =>
        $"median {Ms(m.MedianMs)}  p95 {Ms(m.P95Ms)}  alloc {Bytes(m.AllocatedBytes)}/run  peak WS {MiB(m.PeakWorkingSetBytes)}";
}
