namespace LakeCircle.Benchmarks.Harness;

/// <summary>The system's load averages (1, 5 and 15 minutes), to tell whether figures were taken on a busy machine.</summary>
internal static class LoadAverage
{
    public static string? Read()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(' ', fields.Take(3));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
