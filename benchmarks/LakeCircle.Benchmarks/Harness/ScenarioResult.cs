namespace LakeCircle.Benchmarks.Harness;

/// <summary>One printed line of figures and the same figures for the JSON summary.</summary>
/// <param name="Scenario">The scenario's name (such as <c>plan</c>).</param>
/// <param name="Case">The variant within the scenario (such as <c>concurrency=16</c>), or empty.</param>
/// <param name="Line">The figures for people, on one line.</param>
/// <param name="Figures">The figures for machines.</param>
internal sealed record ScenarioResult(string Scenario, string Case, string Line, IReadOnlyDictionary<string, object> Figures);
