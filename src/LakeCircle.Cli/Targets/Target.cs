namespace LakeCircle.Cli.Targets;

/// <summary>
/// One target of a targets file: an account, how its credentials are had, its regions, its endpoint (templates
/// resolved, relative folders made absolute) and the definitions that apply to it. Never holds a secret.
/// </summary>
internal sealed record Target
{
    /// <summary>The target's name: unique in the file, what <c>--target NAME</c> selects.</summary>
    public required string Name { get; init; }

    /// <summary>The 12-digit account ID.</summary>
    public required string Account { get; init; }

    /// <summary>The home region: STS, the endpoint bucket's client.</summary>
    public required string Region { get; init; }

    /// <summary>The regions a run covers; empty for every region of the account.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>The endpoint base (<c>s3://bucket/prefix/</c> or an absolute folder path).</summary>
    public required string Endpoint { get; init; }

    /// <summary>The local definition folders or files (absolute), shared ones first; empty for the endpoint's <c>definition/</c>.</summary>
    public IReadOnlyList<string> Definitions { get; init; } = [];

    /// <summary>A named profile whose credentials the target uses, or <see langword="null"/>.</summary>
    public string? Profile { get; init; }

    /// <summary>The role to assume with STS AssumeRole, or <see langword="null"/>.</summary>
    public string? RoleArn { get; init; }

    /// <summary>The profile whose credentials assume <see cref="RoleArn"/>; <see langword="null"/> for the caller's own.</summary>
    public string? SourceProfile { get; init; }

    /// <summary>The external ID AssumeRole sends, or <see langword="null"/>. Not shown in listings.</summary>
    public string? ExternalId { get; init; }

    /// <summary>The role session name, or <see langword="null"/> for the default.</summary>
    public string? SessionName { get; init; }

    /// <summary>How long assumed credentials last, or <see langword="null"/> for the default.</summary>
    public TimeSpan? SessionDuration { get; init; }

    /// <summary>An account snapshot file (absolute) read instead of S3 (a sync writes it back), or <see langword="null"/>.</summary>
    public string? Snapshot { get; init; }

    /// <summary>An S3-compatible server's URL, or <see langword="null"/> for AWS S3.</summary>
    public Uri? S3Url { get; init; }

    /// <summary>The STS URL of an S3-compatible server, or <see langword="null"/> (AWS STS; with <see cref="S3Url"/>, that URL).</summary>
    public Uri? StsUrl { get; init; }

    /// <summary>Where the target is declared: <c>file:line</c>.</summary>
    public required string DeclaredAt { get; init; }

    /// <summary>How the target's credentials are had, in words: <c>profile prod</c>, <c>role arn:…</c>, <c>caller</c>.</summary>
    public string CredentialsText =>
        RoleArn is not null ? $"role {RoleArn}" + (SourceProfile is null ? "" : $" from profile {SourceProfile}")
        : Profile is not null ? $"profile {Profile}"
        : Snapshot is not null ? "none (snapshot)"
        : "caller";
}
