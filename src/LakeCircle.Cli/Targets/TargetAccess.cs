using Amazon.Runtime;
using LakeCircle.Cli.Credentials;

namespace LakeCircle.Cli.Targets;

/// <summary>
/// The credentials of a target: the caller's own (the SDK's chain), a named profile, or a role assumed with STS
/// AssumeRole (from a source profile or the caller's own credentials), assumed once here so that a role that cannot be
/// assumed fails its target before anything is read, and refreshed before it expires for long runs.
/// </summary>
internal static class TargetAccess
{
    /// <summary>The target's credentials (<see langword="null"/> for the SDK's default chain), or why there are none.</summary>
    /// <param name="target">The target.</param>
    /// <param name="environment">The process's variables: <c>AWS_SHARED_CREDENTIALS_FILE</c> names the credentials file when set.</param>
    /// <param name="cancellationToken">Cancels the AssumeRole call.</param>
    public static async Task<(AWSCredentials? Credentials, string? Problem)> CredentialsAsync(
        Target target, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(environment);
        var request = new TargetCredentialRequest
        {
            Profile = target.Profile,
            SourceProfile = target.SourceProfile,
            RoleArn = target.RoleArn,
            ExternalId = target.ExternalId,
            SessionName = target.SessionName,
            Duration = target.SessionDuration,
            Region = target.Region,
            StsUrl = target.StsUrl ?? target.S3Url,
        };
        var files = environment.TryGetValue("AWS_SHARED_CREDENTIALS_FILE", out var file) && !string.IsNullOrWhiteSpace(file)
            ? ProfileFiles.At(file) : ProfileFiles.Default;
        var result = TargetCredentials.Resolve(request, files);
        if (!result.Succeeded)
        {
            return (null, result.Error);
        }

        if (result.Role is { } role)
        {
            try
            {
                await role.ProbeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (RoleAssumptionException e)
            {
                role.Dispose();
                return (null, e.Message);
            }
        }

        return (result.Credentials, null);
    }
}
