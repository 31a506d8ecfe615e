using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Model;
using LakeCircle.Core.Validation;

namespace LakeCircle.Core.Tests.Validation;

/// <summary>Small builders and shortcuts shared by the validation tests.</summary>
internal static class ValidationHelpers
{
    public const string Bucket = "photos";

    /// <summary>A valid rule to start from: <c>logs/</c> expiring after 30 days.</summary>
    public static LifecycleRule ValidRule(string? id = "r1") => new()
    {
        Id = id,
        Filter = new LifecycleFilter { Prefix = "logs/" },
        Expiration = new LifecycleExpiration { Days = 30 },
    };

    public static IReadOnlyList<Diagnostic> Validate(params LifecycleRule[] rules) =>
        LifecycleValidator.Validate(Bucket, LifecycleConfiguration.Of(rules));

    /// <summary>Validates one rule and returns the single diagnostic it must produce.</summary>
    public static Diagnostic SingleProblem(LifecycleRule rule)
    {
        var diagnostics = Validate(rule);
        diagnostics.Should().ContainSingle("the rule has exactly one problem, got: {0}", string.Join(" | ", diagnostics));
        diagnostics[0].Bucket.Should().Be(Bucket);
        diagnostics[0].Location.Should().BeNull();
        return diagnostics[0];
    }

    /// <summary>Asserts a diagnostic's field, rule ID and that its message holds each fragment.</summary>
    public static void ShouldReport(this Diagnostic diagnostic, string field, string? ruleId, params string[] fragments)
    {
        diagnostic.Field.Should().Be(field);
        diagnostic.RuleId.Should().Be(ruleId);
        foreach (var fragment in fragments)
        {
            diagnostic.Message.Should().Contain(fragment);
        }

        diagnostic.Message.Should().EndWith(".");
    }

    /// <summary>Asserts the diagnostic is a warning (a rule without AWS evidence).</summary>
    public static Diagnostic ShouldBeWarning(this Diagnostic diagnostic)
    {
        diagnostic.Severity.Should().Be(DiagnosticSeverity.Warning, "the rule has no AWS evidence: {0}", diagnostic);
        return diagnostic;
    }

    /// <summary>Asserts the diagnostic is an error (a rule S3 enforces).</summary>
    public static Diagnostic ShouldBeError(this Diagnostic diagnostic)
    {
        diagnostic.Severity.Should().Be(DiagnosticSeverity.Error, "S3 enforces the rule: {0}", diagnostic);
        return diagnostic;
    }
}
