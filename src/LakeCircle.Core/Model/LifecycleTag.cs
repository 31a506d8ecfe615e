namespace LakeCircle.Core.Model;

/// <summary>An object tag that a lifecycle filter matches (<c>Key</c> = <c>Value</c>).</summary>
/// <param name="Key">The tag key (1 to 128 characters).</param>
/// <param name="Value">The tag value (0 to 256 characters).</param>
public sealed record LifecycleTag(string Key, string Value)
{
    /// <inheritdoc />
    public override string ToString() => $"{Key}={Value}";
}
