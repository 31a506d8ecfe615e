using LakeCircle.Core.Model;

namespace LakeCircle.Cli.Configuration;

/// <summary>One <c>LCC_*</c> environment variable: how it is read, whether it must be set, and the flag that backs it.</summary>
internal sealed record SettingDefinition
{
    /// <summary>The environment variable, such as <c>LCC_ENDPOINT</c>.</summary>
    public required string Name { get; init; }

    /// <summary>How the text is read.</summary>
    public required SettingKind Kind { get; init; }

    /// <summary>Whether a run fails when the variable is unset or blank.</summary>
    public bool Required { get; init; }

    /// <summary>The value used when the variable is unset or blank, in its text form, or <see langword="null"/>.</summary>
    public string? Default { get; init; }

    /// <summary>The accepted names for a <see cref="SettingKind.Choice"/> in their canonical spelling; empty otherwise.</summary>
    public ValueList<string> Choices { get; init; } = ValueList<string>.Empty;

    /// <summary>What the variable means, in one sentence.</summary>
    public required string Description { get; init; }

    /// <summary>Whether the value must never be shown in messages, logs or fingerprints.</summary>
    public bool Secret { get; init; }

    /// <summary>The command-line flag that overrides the variable, such as <c>--endpoint</c>.</summary>
    public required string Flag { get; init; }
}
