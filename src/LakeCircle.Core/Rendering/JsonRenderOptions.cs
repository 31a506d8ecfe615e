namespace LakeCircle.Core.Rendering;

/// <summary>
/// What <see cref="JsonPlanRenderer"/> writes into the head of a document besides the outcome: the tool that made it
/// and the clock of <c>generatedAt</c>.
/// </summary>
public sealed record JsonRenderOptions
{
    /// <summary>The defaults: the tool is <c>LakeCircle.Core</c> at this assembly's version, the time the system clock's.</summary>
    public static JsonRenderOptions Default { get; } = new();

    /// <summary>The <c>tool.name</c> of the document (the CLI writes <c>lakecircle</c>); <c>LakeCircle.Core</c> by default.</summary>
    public string ToolName { get; init; } = JsonEnvelope.CoreName;

    /// <summary>The <c>tool.version</c> of the document; the informational version of <c>LakeCircle.Core</c> by default.</summary>
    public string ToolVersion { get; init; } = JsonEnvelope.CoreVersion;

    /// <summary>The clock read for <c>generatedAt</c> (pass the client's to pin it in tests); the system clock by default.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
