using LakeCircle.Core.Diagnostics;

namespace LakeCircle.Core.Validation;

/// <summary>Collects the diagnostics of one validation run, each stamped with the bucket.</summary>
/// <param name="bucket">The bucket name reported in every diagnostic.</param>
internal sealed class DiagnosticCollector(string bucket)
{
    private readonly List<Diagnostic> _diagnostics = [];

    /// <summary>Records a problem.</summary>
    /// <param name="ruleId">The rule's ID, or <see langword="null"/> for configuration-level problems.</param>
    /// <param name="field">The field path inside the configuration.</param>
    /// <param name="message">One sentence saying what S3 accepts and what was found.</param>
    /// <param name="severity">An error for a rule S3 enforces; a warning for one without AWS evidence.</param>
    public void Add(string? ruleId, string field, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        _diagnostics.Add(new Diagnostic { Bucket = bucket, RuleId = ruleId, Field = field, Message = message, Severity = severity });

    /// <summary>The problems recorded so far, in the order found.</summary>
    /// <returns>A snapshot of the diagnostics.</returns>
    public IReadOnlyList<Diagnostic> ToList() => _diagnostics.ToArray();
}
