using LakeCircle.Core.Diagnostics;

namespace LakeCircle.Core.Definitions.Reading;

/// <summary>Collects the problems of one definition file, each with its position in the file.</summary>
internal sealed class DiagnosticSink(string file, DefinitionFormat format = DefinitionFormat.Toml)
{
    private readonly List<Diagnostic> _diagnostics = [];

    public string File { get; } = file;

    /// <summary>The file's format: messages name kinds of values in its words (a table, an object).</summary>
    public DefinitionFormat Format { get; } = format;

    /// <summary>The bucket the file defines, once known; stamped on every diagnostic.</summary>
    public string? Bucket { get; set; }

    public int Count => _diagnostics.Count;

    public void Add(TextPoint position, string? field, string message, string? ruleId = null) =>
        _diagnostics.Add(new Diagnostic
        {
            Location = new SourceLocation(File, position.Line, position.Column),
            Field = string.IsNullOrEmpty(field) ? null : field,
            Message = message,
            RuleId = ruleId,
        });

    public void AddWithoutPosition(string message) =>
        _diagnostics.Add(new Diagnostic { Location = new SourceLocation(File), Message = message });

    public void AddWarningWithoutPosition(string message) =>
        _diagnostics.Add(new Diagnostic { Location = new SourceLocation(File), Message = message, Severity = DiagnosticSeverity.Warning });

    public IEnumerable<Diagnostic> ToDiagnostics() => _diagnostics.Select(d => d with { Bucket = d.Bucket ?? Bucket });
}
