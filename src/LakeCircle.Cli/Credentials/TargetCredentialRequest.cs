namespace LakeCircle.Cli.Credentials;

/// <summary>
/// How one target (an AWS account) gets its credentials: a named profile of the shared AWS files, a role assumed with
/// STS <c>AssumeRole</c>, both (the role assumed from the profile's credentials), or neither (the SDK's default chain).
/// Checked by <see cref="TargetCredentials.Resolve(TargetCredentialRequest)"/>.
/// </summary>
internal sealed record TargetCredentialRequest
{
    /// <summary>The role session name used when <see cref="SessionName"/> is not given.</summary>
    public const string DefaultSessionName = "lakecircle";

    /// <summary>The session duration used when <see cref="Duration"/> is not given: 1 hour (STS's own default).</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromHours(1);

    // AssumeRole's DurationSeconds "can range from 900 seconds (15 minutes) up to the maximum session duration set for
    // the role", a setting of 1 to 12 hours: 43200 seconds at most. (STS API reference, AssumeRole, DurationSeconds:
    // https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html; the same text in the SDK model docs,
    // https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/sts/aws.sdk.kotlin.services.sts.model/-assume-role-request/duration-seconds.html)

    /// <summary>The shortest session AssumeRole grants: 900 seconds.</summary>
    public static readonly TimeSpan MinDuration = TimeSpan.FromSeconds(900);

    /// <summary>The longest session AssumeRole grants (when the role's maximum allows it): 12 hours.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(12);

    /// <summary>
    /// A profile of the shared config/credentials files. Alone: the target's credentials. With <see cref="RoleArn"/>:
    /// the credentials the role is assumed with, unless <see cref="SourceProfile"/> names another profile.
    /// </summary>
    public string? Profile { get; init; }

    /// <summary>The profile whose credentials assume <see cref="RoleArn"/> (only with a role).</summary>
    public string? SourceProfile { get; init; }

    /// <summary>The ARN of the role to assume, such as <c>arn:aws:iam::123456789012:role/lakecircle</c>.</summary>
    public string? RoleArn { get; init; }

    /// <summary>The external ID the role's trust policy asks for (only with a role). Never logged.</summary>
    public string? ExternalId { get; init; }

    /// <summary>The role session name (only with a role); <see cref="DefaultSessionName"/> when not given.</summary>
    public string? SessionName { get; init; }

    /// <summary>The session duration (only with a role), whole seconds from 900 s to 12 h; <see cref="DefaultDuration"/> when not given.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>The target's home region, such as <c>eu-west-1</c>: the regional STS endpoint is that region's.</summary>
    public string? Region { get; init; }

    /// <summary>
    /// The STS endpoint of an S3-compatible server (such as <c>http://127.0.0.1:7480</c>), or <see langword="null"/> for
    /// the AWS STS endpoint of <see cref="Region"/>.
    /// </summary>
    public Uri? StsUrl { get; init; }

    /// <summary>The session name AssumeRole is called with.</summary>
    public string EffectiveSessionName => SessionName ?? DefaultSessionName;

    /// <summary>The session duration AssumeRole is called with.</summary>
    public TimeSpan EffectiveDuration => Duration ?? DefaultDuration;

    /// <summary>What the request names, for messages: the profile and the role, never the external ID.</summary>
    public string Describe() => (Profile, RoleArn) switch
    {
        (null, null) => "the default credentials",
        ({ } profile, null) => $"profile '{profile}'",
        (null, { } role) => SourceProfile is null ? $"role {role}" : $"role {role} (from profile '{SourceProfile}')",
        ({ } profile, { } role) => $"role {role} (from profile '{SourceProfile ?? profile}')",
    };
}
