using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace LakeCircle.Cli.Targets;

/// <summary>The credentials of a target: the caller's own (the SDK's chain), a named profile, or an assumed role.</summary>
internal static class TargetAccess
{
    /// <summary>The target's credentials (<see langword="null"/> for the SDK's default chain), or why there are none.</summary>
    /// <param name="target">The target.</param>
    /// <param name="environment">The process's variables: <c>AWS_SHARED_CREDENTIALS_FILE</c> names the credentials file when set.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static Task<(AWSCredentials? Credentials, string? Problem)> CredentialsAsync(
        Target target, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        cancellationToken.ThrowIfCancellationRequested();
        if (target.Profile is { } profile)
        {
            return Task.FromResult(Profiles(environment).TryGetAWSCredentials(profile, out var credentials)
                ? ((AWSCredentials?)credentials, (string?)null)
                : (null, $"the profile '{profile}' is not in the shared config or credentials files."));
        }

        return Task.FromResult<(AWSCredentials?, string?)>((null, null));
    }

    private static CredentialProfileStoreChain Profiles(IReadOnlyDictionary<string, string?> environment) =>
        environment.TryGetValue("AWS_SHARED_CREDENTIALS_FILE", out var file) && !string.IsNullOrWhiteSpace(file)
            ? new CredentialProfileStoreChain(file) : new CredentialProfileStoreChain();
}
