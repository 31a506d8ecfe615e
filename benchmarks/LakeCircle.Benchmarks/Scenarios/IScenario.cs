using LakeCircle.Benchmarks.Harness;

namespace LakeCircle.Benchmarks.Scenarios;

/// <summary>One benchmark scenario: prepares its inputs, measures, and adds one or more lines to the report.</summary>
internal interface IScenario
{
    /// <summary>The name used on the command line (<c>--only</c>) and in the report.</summary>
    string Name { get; }

    Task RunAsync(Report report, BenchmarkOptions options, CancellationToken cancellationToken);
}
