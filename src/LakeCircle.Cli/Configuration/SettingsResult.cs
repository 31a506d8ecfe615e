using System.Diagnostics.CodeAnalysis;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Model;

namespace LakeCircle.Cli.Configuration;

/// <summary>The outcome of <see cref="SettingsBuilder.Build"/>: the settings, or every problem found.</summary>
internal sealed record SettingsResult
{
    /// <summary>The settings, when there is no error; otherwise <see langword="null"/>.</summary>
    public Settings? Settings { get; init; }

    /// <summary>Every problem, each with <see cref="Diagnostic.Field"/> set to the variable name; empty on success.</summary>
    public ValueList<Diagnostic> Errors { get; init; } = ValueList<Diagnostic>.Empty;

    /// <summary>Whether the settings were built.</summary>
    [MemberNotNullWhen(true, nameof(Settings))]
    public bool IsValid => Settings is not null;
}
