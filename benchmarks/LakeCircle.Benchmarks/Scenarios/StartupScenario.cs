using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using LakeCircle.Benchmarks.Harness;
using LakeCircle.Benchmarks.Support;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Benchmarks.Scenarios;

/// <summary>
/// Start-up: the time to a plan through the installed tool, as a whole process. The tool is installed with
/// <c>dotnet tool install --tool-path</c> from the packed packages (<c>LCC_BENCH_PACKAGES</c>, else artifacts/packages;
/// scripts/bench.sh packs them first) into a temporary folder, offline, with its own NuGet package folder. Timed, in
/// turns so that a change of load hits every case alike: <c>lakecircle --version</c> (the runtime's and the host's own
/// start-up, the floor), <c>lakecircle dryrun</c> on 10 generated definitions against a snapshot (no AWS), and the same
/// dryrun through the portable package (<c>dotnet lakecircle.dll</c>, the IL build other platforms install).
/// </summary>
internal sealed partial class StartupScenario : IScenario
{
    private const int BucketCount = 10;

    public string Name => "startup";

    public async Task RunAsync(Report report, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        using var work = new TempFolder("lakecircle-startup-");
        var (tool, installed, packages, version, environment) = await InstallAsync(work.Path, cancellationToken);

        var portable = Path.Combine(work.Path, "portable");
        var portablePackage = Path.Combine(packages, $"LakeCircle.Cli.any.{version}.nupkg");
        var hasPortable = File.Exists(portablePackage);
        if (hasPortable)
        {
            await System.IO.Compression.ZipFile.ExtractToDirectoryAsync(portablePackage, portable, cancellationToken);
        }

        var definitions = await WriteDefinitionsAsync(work.Path, cancellationToken);
        string[] dryrun = ["dryrun", "--endpoint", definitions.Endpoint, "--snapshot", definitions.Snapshot];
        var cases = new List<(string Label, string File, string[] Arguments)>
        {
            ("--version", tool, ["--version"]),
            ($"dryrun {BucketCount} buckets", tool, dryrun),
        };
        if (hasPortable)
        {
            cases.Add(($"dryrun {BucketCount} portable", "dotnet", [Path.Combine(portable, "tools", "net10.0", "any", "lakecircle.dll"), .. dryrun]));
        }

        report.Note($"installed {installed} {version} from {packages}; {BucketCount} definitions and a snapshot in {definitions.Endpoint}");
        foreach (var (_, file, arguments) in cases)
        {
            for (var i = 0; i < options.Warmups; i++)
            {
                await RunOnceAsync(file, arguments, work.Path, environment, cancellationToken);
            }
        }

        var repetitions = options.Repetitions(11);
        var timings = cases.Select(_ => new List<double>()).ToList();
        for (var i = 0; i < repetitions; i++)
        {
            for (var c = 0; c < cases.Count; c++)
            {
                timings[c].Add(await RunOnceAsync(cases[c].File, cases[c].Arguments, work.Path, environment, cancellationToken));
            }
        }

        for (var c = 0; c < cases.Count; c++)
        {
            var (median, p95) = Measurement.Percentiles(timings[c]);
            var figures = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["repetitions"] = repetitions,
                ["medianMs"] = Math.Round(median, 2),
                ["p95Ms"] = Math.Round(p95, 2),
                ["minMs"] = Math.Round(timings[c].Min(), 2),
                ["buckets"] = c == 0 ? 0 : BucketCount,
                ["package"] = c == 2 ? "lakecircle.cli.any" : installed,
            };
            report.Add(new ScenarioResult(Name, cases[c].Label, $"median {Format.Ms(median)}  p95 {Format.Ms(p95)}  min {Format.Ms(timings[c].Min())}  ({repetitions} processes)", figures));
        }
    }

    /// <summary>
    /// Installs the packed tool (<see cref="FindPackages"/>) into a tool path under <paramref name="folder"/> with
    /// <c>dotnet tool install</c>, offline from the packages folder, as a user installs it.
    /// </summary>
    /// <returns>The tool's command, the runtime package installed, the packages folder, the version, and the environment used.</returns>
    internal static async Task<(string Tool, string Installed, string Packages, string Version, Dictionary<string, string?> Environment)> InstallAsync(
        string folder, CancellationToken cancellationToken)
    {
        var packages = FindPackages();
        var version = PackageVersion(packages);
        Directory.CreateDirectory(folder);
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["NUGET_PACKAGES"] = Path.Combine(folder, "nuget-packages"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        };
        var config = Path.Combine(folder, "nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="lakecircle-local" value="{packages}" />
              </packageSources>
            </configuration>
            """, cancellationToken);

        var toolPath = Path.Combine(folder, "tool");
        await RunOnceAsync(
            "dotnet", ["tool", "install", "LakeCircle.Cli", "--version", version, "--tool-path", toolPath, "--configfile", config],
            folder, environment, cancellationToken);
        var tool = Path.Combine(toolPath, "lakecircle");
        var installed = Directory.GetDirectories(Path.Combine(toolPath, ".store", "lakecircle.cli", version))
            .Select(Path.GetFileName).FirstOrDefault(n => n is not null && n.StartsWith("lakecircle.cli.", StringComparison.Ordinal)) ?? "lakecircle.cli";
        return (tool, installed, packages, version, environment);
    }

    /// <summary>The folder of the packed packages: <c>LCC_BENCH_PACKAGES</c>, else the repository's artifacts/packages.</summary>
    private static string FindPackages()
    {
        var given = Environment.GetEnvironmentVariable("LCC_BENCH_PACKAGES");
        if (!string.IsNullOrWhiteSpace(given))
        {
            return Path.GetFullPath(given);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LakeCircle.sln")))
            {
                return Path.Combine(dir.FullName, "artifacts", "packages");
            }
        }

        throw new InvalidOperationException("LakeCircle.sln not found above " + AppContext.BaseDirectory);
    }

    private static string PackageVersion(string packages)
    {
        var versions = Directory.Exists(packages)
            ? Directory.GetFiles(packages, "LakeCircle.Cli.*.nupkg").Select(p => ToolPackage().Match(Path.GetFileName(p))).Where(m => m.Success)
                .Select(m => m.Groups["version"].Value).Distinct(StringComparer.Ordinal).ToList()
            : [];
        return versions.Count == 1
            ? versions[0]
            : throw new InvalidOperationException($"expected the packages of one LakeCircle.Cli version in {packages}, found {versions.Count}; run scripts/pack.sh (scripts/bench.sh does)");
    }

    /// <summary>10 buckets of generated rules; in the snapshot, every other one drifted and one missing, as in an account.</summary>
    private static async Task<(string Endpoint, string Snapshot)> WriteDefinitionsAsync(string folder, CancellationToken cancellationToken)
    {
        var generator = new ConfigurationGenerator(seed: 10);
        var mutator = new ConfigurationMutator(generator);
        var endpoint = Path.Combine(folder, "endpoint");
        var definitionFolder = Directory.CreateDirectory(Path.Combine(endpoint, "definition")).FullName;
        var buckets = new Dictionary<string, LifecycleConfiguration?>(StringComparer.Ordinal);
        for (var i = 0; i < BucketCount; i++)
        {
            var bucket = "startup-" + i.ToString("D2", CultureInfo.InvariantCulture);
            var configuration = ValidConfigurations.Next(generator, bucket, 1, 4);
            await File.WriteAllTextAsync(Path.Combine(definitionFolder, bucket + ".toml"), TomlDefinitionWriter.Write(bucket, configuration), cancellationToken);
            buckets[bucket] = i == BucketCount - 1 ? null : i % 2 == 0 ? mutator.Mutate(configuration).Configuration : mutator.Reorder(configuration);
        }

        var snapshot = Path.Combine(folder, "account.json");
        await SnapshotFile.WriteAsync(snapshot, new SnapshotFile.Content("123456789012", "eu-west-1", buckets), cancellationToken);
        return (endpoint, snapshot);
    }

    /// <summary>Runs a program to its end with no <c>DOTNET_</c> tuning variable and no <c>LCC_*</c> one; its wall time in ms.</summary>
    private static async Task<double> RunOnceAsync(
        string file, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        var run = await ProcessRun.RunAsync(file, arguments, environment, cancellationToken, workingDirectory);

        // dryrun exits 0 (no --detailed-exitcode) when it planned; anything else is a broken measurement.
        return run.ExitCode == 0
            ? run.ElapsedMs
            : throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {run.ExitCode}:\n{run.Output}\n{run.ErrorTail}");
    }

    [GeneratedRegex(@"^LakeCircle\.Cli\.(?:(?:any|[a-z]+-[a-z0-9]+)\.)?(?<version>[0-9][^/]*?)\.nupkg$")]
    private static partial Regex ToolPackage();
}
