using Amazon.Runtime;

namespace LakeCircle.Cli.Credentials;

/// <summary>The credentials of one target, or why there are none (a message naming the profile or role, never a secret).</summary>
internal sealed class TargetCredentialResult
{
    private TargetCredentialResult(AWSCredentials? credentials, string? error)
    {
        Credentials = credentials;
        Error = error;
    }

    /// <summary>The credentials; <see langword="null"/> with no <see cref="Error"/> means the SDK's default chain.</summary>
    public AWSCredentials? Credentials { get; }

    /// <summary>Why the target has no credentials, or <see langword="null"/>.</summary>
    public string? Error { get; }

    /// <summary>Whether <see cref="Credentials"/> holds the answer.</summary>
    public bool Succeeded => Error is null;

    /// <summary>The role credentials, when the target assumes a role (for <see cref="RoleCredentials.ProbeAsync"/>).</summary>
    public RoleCredentials? Role => Credentials as RoleCredentials;

    /// <summary>A success.</summary>
    /// <param name="credentials">The credentials, or <see langword="null"/> for the SDK's default chain.</param>
    public static TargetCredentialResult Ok(AWSCredentials? credentials) => new(credentials, null);

    /// <summary>A failure.</summary>
    /// <param name="error">The message: names the profile or role, never a secret.</param>
    public static TargetCredentialResult Failed(string error) => new(null, error);
}
