namespace LakeCircle.Core.Model;

/// <summary>The values of a rule's <c>Status</c>.</summary>
public static class RuleStatus
{
    /// <summary>The rule is applied.</summary>
    public const string Enabled = "Enabled";

    /// <summary>The rule is kept but not applied.</summary>
    public const string Disabled = "Disabled";
}
