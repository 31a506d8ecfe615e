using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace LakeCircle.Cli.Targets;

/// <summary>The credentials of a target: the caller's own (the SDK's chain), a named profile, or an assumed role.</summary>
internal static class TargetAccess
{
    /// <summary>The target's credentials (<see langword="null"/> for the SDK's default chain), or why there are none.</summary>
    public static Task<(AWSCredentials? Credentials, string? Problem)> CredentialsAsync(Target target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        cancellationToken.ThrowIfCancellationRequested();
        if (target.Profile is { } profile)
        {
            return Task.FromResult(new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out var credentials)
                ? ((AWSCredentials?)credentials, (string?)null)
                : (null, $"the profile '{profile}' is not in the shared config or credentials files."));
        }

        return Task.FromResult<(AWSCredentials?, string?)>((null, null));
    }
}
