using System.Runtime;
using LakeCircle.Benchmarks;
using LakeCircle.Benchmarks.Harness;
using LakeCircle.Benchmarks.Scenarios;
using LakeCircle.Benchmarks.Support;

if (args.Length > 0 && args[0] == BareSdkLoop.Command)
{
    return await BareSdkLoop.RunAsync(args);
}

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var report = new Report(options.Json);
var environment = new Dictionary<string, object>(StringComparer.Ordinal)
{
    ["runtime"] = Environment.Version.ToString(),
    ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
    ["processors"] = Environment.ProcessorCount,
    ["serverGC"] = GCSettings.IsServerGC,
    ["loadAverage"] = LoadAverage.Read() ?? "",
    ["startedUtc"] = DateTime.UtcNow.ToString("O"),
};
report.Out.WriteLine($"LakeCircle benchmarks: .NET {environment["runtime"]}, {environment["processors"]} processors, load average {environment["loadAverage"]}");

IScenario[] scenarios = [new FingerprintScenario(), new PlanScenario(), new DefinitionsScenario(), new DryRunScenario(), new InventoryScenario(), new SnapshotSyncScenario(), new LocalS3Scenario(), new CliVsSdkScenario(), new StartupScenario(), new ScaleScenario()];
foreach (var scenario in scenarios.Where(s => options.Runs(s.Name)))
{
    // The scale scenario writes 100,000 files and takes minutes: only when named.
    if ((scenario is LocalS3Scenario or CliVsSdkScenario && !options.S3) || (scenario is ScaleScenario && !options.Only.Contains(scenario.Name)))
    {
        continue;
    }

    PeakMemory.Reset();
    await scenario.RunAsync(report, options, cancellation.Token);
}

environment["loadAverageAtEnd"] = LoadAverage.Read() ?? "";
environment["peakWorkingSetPerScenario"] = PeakMemory.ResetWorks;
report.Out.WriteLine($"load average at the end: {environment["loadAverageAtEnd"]}; peak working set "
    + (PeakMemory.ResetWorks ? "reset before each scenario" : "since the process started"));
if (options.Json)
{
    report.WriteJson(environment);
}

return 0;
