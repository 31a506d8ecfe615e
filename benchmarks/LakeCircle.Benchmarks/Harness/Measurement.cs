namespace LakeCircle.Benchmarks.Harness;

/// <summary>The figures of one measured operation over its timed repetitions (warm-ups excluded).</summary>
/// <param name="Repetitions">How many timed repetitions.</param>
/// <param name="MedianMs">The median duration, in milliseconds.</param>
/// <param name="P95Ms">The 95th percentile duration (nearest rank), in milliseconds.</param>
/// <param name="MinMs">The shortest duration, in milliseconds.</param>
/// <param name="AllocatedBytes">The median bytes allocated by the whole process during one repetition.</param>
/// <param name="PeakWorkingSetBytes">The peak working set of the process during the measurement (see <see cref="PeakMemory"/>).</param>
internal sealed record Measurement(int Repetitions, double MedianMs, double P95Ms, double MinMs, long AllocatedBytes, long PeakWorkingSetBytes)
{
    /// <summary>How many items per second the median duration means.</summary>
    /// <param name="items">The items one repetition handles.</param>
    /// <returns>Items per second.</returns>
    public double PerSecond(int items) => MedianMs <= 0 ? 0 : items / (MedianMs / 1000.0);

    /// <summary>The figures as JSON-friendly values.</summary>
    /// <returns>Name and value pairs.</returns>
    public Dictionary<string, object> ToFigures() => new(StringComparer.Ordinal)
    {
        ["repetitions"] = Repetitions,
        ["medianMs"] = Math.Round(MedianMs, 2),
        ["p95Ms"] = Math.Round(P95Ms, 2),
        ["minMs"] = Math.Round(MinMs, 2),
        ["allocatedBytes"] = AllocatedBytes,
        ["peakWorkingSetBytes"] = PeakWorkingSetBytes,
    };

    /// <summary>The median and 95th percentile (nearest rank) of durations.</summary>
    /// <param name="durationsMs">The durations.</param>
    /// <returns>Median and p95.</returns>
    public static (double Median, double P95) Percentiles(IReadOnlyList<double> durationsMs)
    {
        var sorted = durationsMs.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        var rank = (int)Math.Ceiling(0.95 * sorted.Length) - 1;
        return (median, sorted[Math.Clamp(rank, 0, sorted.Length - 1)]);
    }
}
