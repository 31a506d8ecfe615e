using System.Diagnostics;

namespace LakeCircle.InstalledTests;

/// <summary>Runs a program to its end, with the environment of the installed tests.</summary>
internal static class Programs
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The installed tool and module read LCC_* variables like the CLI: none may leak in from the machine.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("LCC_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in Installed.Environment.Concat(environment ?? new Dictionary<string, string?>()))
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var command = fileName + " " + string.Join(' ', start.ArgumentList.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + command);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not end within {Timeout}");
        }

        return new ProcessResult(command, process.ExitCode, await output, await error);
    }

    /// <summary>Runs a program that must succeed, and returns what it printed.</summary>
    public static async Task<ProcessResult> RunOkAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var result = await RunAsync(fileName, arguments, workingDirectory, environment);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("a step of the installed tests failed:\n" + result.Describe());
        }

        return result;
    }
}
