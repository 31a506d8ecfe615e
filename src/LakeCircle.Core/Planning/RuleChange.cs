using LakeCircle.Core.Model;

namespace LakeCircle.Core.Planning;

/// <summary>A rule present on both sides under one ID whose meaning differs.</summary>
/// <param name="Id">The rule ID both sides share.</param>
/// <param name="Before">The rule as the bucket has it.</param>
/// <param name="After">The rule as the definition declares it.</param>
/// <param name="Fields">The fields that differ (at least one).</param>
public sealed record RuleChange(string Id, LifecycleRule Before, LifecycleRule After, ValueList<FieldChange> Fields);
