using System.Text.Json;

namespace LakeCircle.Benchmarks.Harness;

/// <summary>
/// Collects the results: each line is printed as soon as it is known (to standard error when the JSON summary goes
/// to standard output), and <see cref="WriteJson"/> prints the machine-readable summary at the end.
/// </summary>
internal sealed class Report(bool json)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
    private readonly List<ScenarioResult> _results = [];

    public TextWriter Out { get; } = json ? Console.Error : Console.Out;

    public void Add(ScenarioResult result)
    {
        _results.Add(result);
        var label = string.IsNullOrEmpty(result.Case) ? result.Scenario : $"{result.Scenario} {result.Case}";
        Out.WriteLine($"{label,-34} {result.Line}");
        Out.Flush();
    }

    public void Note(string text)
    {
        Out.WriteLine("  " + text);
        Out.Flush();
    }

    public void WriteJson(IReadOnlyDictionary<string, object> environment)
    {
        var document = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["environment"] = environment,
            ["results"] = _results.Select(r => new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["scenario"] = r.Scenario,
                ["case"] = r.Case,
                ["figures"] = r.Figures,
            }).ToList(),
        };
        Console.Out.WriteLine(JsonSerializer.Serialize(document, JsonOptions));
    }
}
