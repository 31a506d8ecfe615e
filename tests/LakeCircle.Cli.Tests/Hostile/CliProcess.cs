using System.Diagnostics;
using LakeCircle.Cli.Tests.Commands;

namespace LakeCircle.Cli.Tests.Hostile;

/// <summary>Runs the built <c>lakecircle.dll</c> as a real process (the catch-all of <c>Main</c> included).</summary>
internal static class CliProcess
{
    /// <summary>src/LakeCircle.Cli/bin/CONFIGURATION/net10.0/lakecircle.dll, found from the test assembly's own bin folder.</summary>
    public static string Dll
    {
        get
        {
            var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = here.Name;
            var configuration = here.Parent!.Name;
            for (var folder = here; folder is not null; folder = folder.Parent)
            {
                var dll = Path.Combine(folder.FullName, "src", "LakeCircle.Cli", "bin", configuration, framework, "lakecircle.dll");
                if (File.Exists(dll))
                {
                    return dll;
                }
            }

            throw new FileNotFoundException($"lakecircle.dll ({configuration}/{framework}) not found above {here.FullName}");
        }
    }

    /// <summary>Runs the CLI with only the given variables added to a clean environment (no AWS_* or LCC_* of the test run).</summary>
    public static Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        StartAsync("dotnet", [Dll, .. args], environment);

    /// <summary>Runs a shell command line (POSIX only); <c>{dll}</c> stands for the CLI.</summary>
    public static Task<CliResult> ShellAsync(string commandLine, IReadOnlyDictionary<string, string?> environment) =>
        StartAsync("/bin/sh", ["-c", commandLine.Replace("{dll}", "dotnet '" + Dll + "'", StringComparison.Ordinal)], environment);

    private static async Task<CliResult> StartAsync(string program, string[] args, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal) || k.StartsWith("LCC_", StringComparison.Ordinal)
            || k == CliApplication.DebugVariable).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }
}
