using System.Globalization;
using LakeCircle.Benchmarks.Harness;
using LakeCircle.Benchmarks.Support;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Benchmarks.Scenarios;

/// <summary>
/// Definitions: 2,000 TOML files (one bucket each, 1 to 6 generated rules, in 20 sub-folders of a temporary folder)
/// read by <see cref="LocalDefinitionSource"/> and loaded (parsed, merged, validated) by <see cref="DefinitionLoader"/>;
/// then the load alone, over documents already in memory.
/// </summary>
internal sealed class DefinitionsScenario : IScenario
{
    private const int FileCount = 2_000;

    public string Name => "definitions";

    public async Task RunAsync(Report report, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        using var folder = new TempFolder("lakecircle-bench-");
        var generator = new ConfigurationGenerator(seed: 3);
        long bytes = 0;
        for (var i = 0; i < FileCount; i++)
        {
            var bucket = "defs-" + i.ToString("D4", CultureInfo.InvariantCulture);
            var sub = Path.Combine(folder.Path, "team-" + (i % 20).ToString("D2", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(sub);
            var text = TomlDefinitionWriter.Write(bucket, ValidConfigurations.Next(generator, bucket, 1, 6));
            await File.WriteAllTextAsync(Path.Combine(sub, bucket + ".toml"), text, cancellationToken);
            bytes += text.Length;
        }

        var source = new LocalDefinitionSource(folder.Path);
        DefinitionSet? set = null;
        var readAndLoad = await StopwatchRunner.MeasureAsync(options.Warmups, options.Repetitions(7), async () =>
        {
            set = DefinitionLoader.Load(await source.ReadAsync(cancellationToken));
        });
        Add(report, "read+load", readAndLoad, set!, bytes);
        foreach (var diagnostic in set!.Diagnostics.Take(3))
        {
            report.Note("definitions: unexpected diagnostic: " + diagnostic);
        }

        var documents = await source.ReadAsync(cancellationToken);
        var loadOnly = await StopwatchRunner.MeasureAsync(options.Warmups, options.Repetitions(7), () =>
        {
            set = DefinitionLoader.Load(documents);
        });
        Add(report, "load", loadOnly, set!, bytes);
    }

    private void Add(Report report, string variant, Measurement measurement, DefinitionSet set, long bytes)
    {
        var perSecond = measurement.PerSecond(FileCount);
        var figures = measurement.ToFigures();
        figures["files"] = FileCount;
        figures["bytes"] = bytes;
        figures["buckets"] = set.Buckets.Count;
        figures["rules"] = set.Buckets.Sum(b => b.Configuration.Rules.Count);
        figures["diagnostics"] = set.Diagnostics.Count;
        figures["filesPerSecond"] = Math.Round(perSecond);
        figures["allocatedBytesPerFile"] = measurement.AllocatedBytes / FileCount;
        report.Add(new ScenarioResult(Name, variant, $"{Format.Count(FileCount)} files ({Format.Bytes(bytes)}), {Format.Count(set.Diagnostics.Count)} diagnostics  "
            + $"{Format.Count(perSecond)} files/s  {Format.Bytes(measurement.AllocatedBytes / (double)FileCount)}/file  {Format.Timing(measurement)}", figures));
    }
}
