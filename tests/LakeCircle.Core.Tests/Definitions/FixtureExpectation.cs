using System.Globalization;
using LakeCircle.Core.Diagnostics;

namespace LakeCircle.Core.Tests.Definitions;

/// <summary>
/// The expectation on the first line of an invalid fixture: <c># expect: [warning] line:column Field words in message</c>
/// (Field <c>-</c> when the problem concerns no field; <c>warning</c> when the diagnostic is a warning, else an error).
/// </summary>
internal sealed record FixtureExpectation(int Line, int Column, string? Field, IReadOnlyList<string> Words, DiagnosticSeverity Severity = DiagnosticSeverity.Error)
{
    public static FixtureExpectation Parse(string firstLine)
    {
        const string Marker = "# expect: ";
        if (!firstLine.StartsWith(Marker, StringComparison.Ordinal))
        {
            throw new FormatException($"A fixture must start with '{Marker}': {firstLine}");
        }

        var parts = firstLine[Marker.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var severity = DiagnosticSeverity.Error;
        if (parts[0] == "warning")
        {
            severity = DiagnosticSeverity.Warning;
            parts = parts[1..];
        }

        var position = parts[0].Split(':');
        return new FixtureExpectation(
            int.Parse(position[0], CultureInfo.InvariantCulture),
            int.Parse(position[1], CultureInfo.InvariantCulture),
            parts[1] == "-" ? null : parts[1],
            parts[2..],
            severity);
    }

    public bool IsMetBy(Diagnostic diagnostic) =>
        diagnostic.Location is { } location && location.Line == Line && location.Column == Column
        && diagnostic.Field == Field
        && diagnostic.Severity == Severity
        && Words.All(w => diagnostic.Message.Contains(w, StringComparison.OrdinalIgnoreCase));

    public override string ToString() =>
        $"{(Severity == DiagnosticSeverity.Warning ? "warning " : "")}{Line}:{Column} {Field ?? "-"} {string.Join(' ', Words)}";
}
