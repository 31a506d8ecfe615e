using LakeCircle.Core.Diagnostics;

namespace LakeCircle.Core.Definitions.Toml;

/// <summary>Collects the problems of one definition file, each with its position in the file.</summary>
internal sealed class DiagnosticSink(string file)
{
    private readonly List<Diagnostic> _diagnostics = [];

    public string File { get; } = file;

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

    public IEnumerable<Diagnostic> ToDiagnostics() => _diagnostics.Select(d => d with { Bucket = d.Bucket ?? Bucket });
}
