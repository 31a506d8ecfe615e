using System.Diagnostics;

namespace LakeCircle.Benchmarks.Support;

/// <summary>One whole process, timed from its start to its exit, with both outputs drained as it runs.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="ElapsedMs">Wall time from the start to the exit, in milliseconds.</param>
/// <param name="Output">Standard output.</param>
/// <param name="ErrorLines">How many lines it wrote on standard error.</param>
/// <param name="ErrorTail">The last lines of standard error (for failures).</param>
internal sealed record ProcessRun(int ExitCode, double ElapsedMs, string Output, int ErrorLines, string ErrorTail)
{
    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> and exactly <paramref name="environment"/>
    /// on top of a cleaned environment (no inherited <c>LCC_</c>, <c>AWS_</c> or <c>DOTNET_</c> variables but
    /// <c>DOTNET_ROOT</c>).</summary>
    public static async Task<ProcessRun> RunAsync(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("LCC_", StringComparison.Ordinal) || name.StartsWith("AWS_", StringComparison.Ordinal)
                || (name.StartsWith("DOTNET_", StringComparison.Ordinal) && name != "DOTNET_ROOT"))
            {
                start.Environment.Remove(name);
            }
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var errorLines = 0;
        var tail = new Queue<string>();
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync(cancellationToken) is { } line)
            {
                errorLines++;
                tail.Enqueue(line);
                if (tail.Count > 10)
                {
                    tail.Dequeue();
                }
            }
        }, cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var text = await output;
        await error;
        return new ProcessRun(process.ExitCode, elapsed, text, errorLines, string.Join('\n', tail));
    }
}
