using System.Diagnostics;

namespace LakeCircle.Benchmarks.Harness;

/// <summary>
/// A plain Stopwatch harness: warm-up runs (JIT, caches), then timed repetitions each preceded by a full garbage
/// collection, recording the duration and the bytes the whole process allocated (every thread, so thread-pool work
/// counts too).
/// </summary>
internal static class StopwatchRunner
{
    /// <summary>Measures an asynchronous operation.</summary>
    /// <param name="warmups">Untimed runs first.</param>
    /// <param name="repetitions">Timed runs.</param>
    /// <param name="run">The operation.</param>
    /// <returns>The figures.</returns>
    public static async Task<Measurement> MeasureAsync(int warmups, int repetitions, Func<Task> run)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        for (var i = 0; i < warmups; i++)
        {
            await run();
        }

        var durations = new double[repetitions];
        var allocations = new long[repetitions];
        for (var i = 0; i < repetitions; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var started = Stopwatch.GetTimestamp();
            await run();
            durations[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            allocations[i] = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        }

        var (median, p95) = Measurement.Percentiles(durations);
        Array.Sort(allocations);
        return new Measurement(repetitions, median, p95, durations.Min(), allocations[repetitions / 2], PeakMemory.Read());
    }

    /// <summary>Measures a synchronous operation.</summary>
    /// <param name="warmups">Untimed runs first.</param>
    /// <param name="repetitions">Timed runs.</param>
    /// <param name="run">The operation.</param>
    /// <returns>The figures.</returns>
    public static Task<Measurement> MeasureAsync(int warmups, int repetitions, Action run) =>
        MeasureAsync(warmups, repetitions, () =>
        {
            run();
            return Task.CompletedTask;
        });
}
