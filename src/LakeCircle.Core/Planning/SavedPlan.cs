namespace LakeCircle.Core.Planning;

/// <summary>
/// Where a plan read from a file (<see cref="LakeCircleClient.ReadPlanAsync"/>) comes from: the file's SHA-256 (named
/// by the run record of the run that applies it), when and by which version it was made, and the endpoint it was made
/// for. The file format is described in docs/cli.md ("Saved plans").
/// </summary>
public sealed record SavedPlan
{
    /// <summary>The <c>kind</c> member of every plan file.</summary>
    public const string Kind = "lakecircle-plan";

    /// <summary>The version of the plan file format this library writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The SHA-256 of the file's bytes, 64 lowercase hex digits (what <c>sha256sum</c> prints).</summary>
    public required string Sha256 { get; init; }

    /// <summary>When the plan was made.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The version of LakeCircle that made it.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>The endpoint (<c>s3://bucket/prefix/</c> or a folder) the plan was made for; a run at another endpoint refuses it.</summary>
    public required string Endpoint { get; init; }
}
