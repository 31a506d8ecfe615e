using System.Diagnostics;

namespace LakeCircle.Benchmarks.Harness;

/// <summary>
/// The process's peak working set. On Linux the peak (VmHWM) is reset before each scenario by writing <c>5</c> to
/// <c>/proc/self/clear_refs</c>, so each scenario reports its own peak; where that is not possible the figure is the
/// peak since the process started (<see cref="ResetWorks"/> tells which).
/// </summary>
internal static class PeakMemory
{
    /// <summary>Whether the last <see cref="Reset"/> worked.</summary>
    public static bool ResetWorks { get; private set; }

    /// <summary>Collects garbage, then resets the peak to the current working set where the system allows it.</summary>
    public static void Reset()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            ResetWorks = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            ResetWorks = false;
        }
    }

    /// <summary>The peak working set, in bytes.</summary>
    /// <returns>Bytes.</returns>
    public static long Read()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
