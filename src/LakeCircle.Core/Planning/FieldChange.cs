namespace LakeCircle.Core.Planning;

/// <summary>
/// One field that differs between the actual and the desired side, named with the dotted S3 field name
/// (for example <c>Expiration.Days</c>, <c>Transitions</c>, <c>Filter</c>, or the configuration-level
/// <c>TransitionDefaultMinimumObjectSize</c>). Values are rendered from the canonical form, so shapes that mean
/// the same are rendered the same.
/// </summary>
/// <param name="Field">The dotted S3 field name.</param>
/// <param name="Before">The actual value, readable, or <see langword="null"/> when absent.</param>
/// <param name="After">The desired value, readable, or <see langword="null"/> when absent.</param>
public sealed record FieldChange(string Field, string? Before, string? After)
{
    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Before ?? "(none)"} -> {After ?? "(none)"}";
}
