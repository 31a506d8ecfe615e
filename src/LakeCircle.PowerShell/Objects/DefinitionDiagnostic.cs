using LakeCircle.Core.Diagnostics;

namespace LakeCircle.PowerShell;

/// <summary>One problem in definition files, as <c>Test-LakeCircleDefinition -Detailed</c> writes it.</summary>
public sealed class DefinitionDiagnostic
{
    internal DefinitionDiagnostic(Diagnostic diagnostic)
    {
        Severity = diagnostic.Severity;
        Message = diagnostic.Message;
        File = diagnostic.Location?.File;
        Line = diagnostic.Location?.Line ?? 0;
        Column = diagnostic.Location?.Column ?? 0;
        Bucket = diagnostic.Bucket;
        RuleId = diagnostic.RuleId;
        Field = diagnostic.Field;
        Text = diagnostic.ToString();
    }

    /// <summary><c>Error</c> (the files are invalid) or <c>Warning</c> (a rule S3 is not known to enforce).</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>What is wrong.</summary>
    public string Message { get; }

    /// <summary>The file, or <see langword="null"/>.</summary>
    public string? File { get; }

    /// <summary>The 1-based line, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>The 1-based column, or 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The bucket concerned, or <see langword="null"/>.</summary>
    public string? Bucket { get; }

    /// <summary>The rule concerned, or <see langword="null"/>.</summary>
    public string? RuleId { get; }

    /// <summary>The field path, such as <c>LifecycleConfiguration.Rules[0].Expiration.Days</c>, or <see langword="null"/>.</summary>
    public string? Field { get; }

    /// <summary>The one-line form <c>file:line:column: bucket/rule: field: message</c>.</summary>
    public string Text { get; }

    /// <inheritdoc />
    public override string ToString() => Text;
}
