using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace LakeCircle.Cli.Credentials;

/// <summary>
/// Turns a target's <see cref="TargetCredentialRequest"/> into credentials: a profile's, a role's (assumed from a
/// profile's credentials or the SDK's default chain, refreshed before they expire), or the default chain.
/// </summary>
internal static partial class TargetCredentials
{
    /// <summary>
    /// Resolves the request against the shared AWS files of the environment (<see cref="ProfileFiles.Default"/>). Makes
    /// no network call: a role is assumed when its credentials are first used (or by <see cref="RoleCredentials.ProbeAsync"/>).
    /// </summary>
    /// <param name="request">The request.</param>
    public static TargetCredentialResult Resolve(TargetCredentialRequest request) => Resolve(request, ProfileFiles.Default);

    /// <summary>Resolves the request against the given profile files.</summary>
    /// <param name="request">The request.</param>
    /// <param name="files">Where profiles are read from.</param>
    public static TargetCredentialResult Resolve(TargetCredentialRequest request, ProfileFiles files)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(files);
        if (Check(request) is { } problem)
        {
            return TargetCredentialResult.Failed(problem);
        }

        var store = request.Profile is null && request.SourceProfile is null ? null : files.CreateStore();
        AWSCredentials? profileCredentials = null;
        if (request.Profile is { } profile && !TryProfile(store!, files, profile, out profileCredentials, out var error))
        {
            return TargetCredentialResult.Failed(error);
        }

        if (request.RoleArn is not { } role)
        {
            return TargetCredentialResult.Ok(profileCredentials);
        }

        var source = profileCredentials;
        if (request.SourceProfile is { } sourceProfile && !TryProfile(store!, files, sourceProfile, out source, out var sourceError))
        {
            return TargetCredentialResult.Failed($"role {role}: {sourceError}");
        }

        var sts = RoleCredentials.CreateClient(request, source);
        return TargetCredentialResult.Ok(new RoleCredentials(sts, role, request.EffectiveSessionName, request.ExternalId, request.EffectiveDuration, ownsClient: true));
    }

    /// <summary>What is wrong with the request's shape, or <see langword="null"/>. Names no secret (the external ID never).</summary>
    /// <param name="request">The request.</param>
    public static string? Check(TargetCredentialRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var (name, value) in new[] { ("profile", request.Profile), ("source profile", request.SourceProfile), ("role ARN", request.RoleArn), ("session name", request.SessionName), ("region", request.Region) })
        {
            if (value is not null && string.IsNullOrWhiteSpace(value))
            {
                return $"the {name} is empty";
            }
        }

        if (request.ExternalId is not null && request.ExternalId.Length == 0)
        {
            return "the external ID is empty";
        }

        if (request.RoleArn is not { } role)
        {
            var roleOnly = new[] { ("a source profile", request.SourceProfile is not null), ("an external ID", request.ExternalId is not null), ("a session name", request.SessionName is not null), ("a session duration", request.Duration is not null) }
                .Where(o => o.Item2).Select(o => o.Item1).ToList();
            return roleOnly.Count == 0 ? null : $"{request.Describe()}: {string.Join(", ", roleOnly)} needs a role ARN";
        }

        if (!RoleArnPattern().IsMatch(role))
        {
            return $"role {role}: not a role ARN (arn:<partition>:iam::<account>:role/<name>)";
        }

        // AssumeRole's RoleSessionName: 2 to 64 characters of [\w+=,.@-] (STS API reference, AssumeRole:
        // https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html); \w taken as ASCII letters, digits, _.
        if (!SessionNamePattern().IsMatch(request.EffectiveSessionName))
        {
            return $"role {role}: the session name '{request.SessionName}' must be 2 to 64 characters of letters, digits and _+=,.@-";
        }

        // ExternalId: 2 to 1224 characters of [\w+=,.@:\/-] (same page). Its value is never shown.
        if (request.ExternalId is { } externalId && !ExternalIdPattern().IsMatch(externalId))
        {
            return $"role {role}: the external ID must be 2 to 1224 characters of letters, digits and _+=,.@:/-";
        }

        var duration = request.EffectiveDuration;
        if (duration < TargetCredentialRequest.MinDuration || duration > TargetCredentialRequest.MaxDuration || duration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            return $"role {role}: the session duration must be whole seconds from 900 s (15 minutes) to 43200 s (12 hours), not {duration.TotalSeconds:0.###} s";
        }

        if (request.StsUrl is null && request.Region is null)
        {
            return $"role {role}: a region is needed to reach STS";
        }

        if (request.StsUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            return $"role {role}: the STS URL must be an absolute http or https URL";
        }

        return null;
    }

    private static bool TryProfile(CredentialProfileStoreChain store, ProfileFiles files, string name, out AWSCredentials? credentials, out string error)
    {
        credentials = null;
        error = "";
        if (!store.TryGetProfile(name, out var profile))
        {
            error = $"profile '{name}' is not in {files.Describe()}";
            return false;
        }

        if (!profile.CanCreateAWSCredentials)
        {
            error = $"profile '{name}' in {files.Describe()} holds no credentials";
            return false;
        }

        try
        {
            credentials = profile.GetAWSCredentials(store);
            return true;
        }
        catch (Exception e) when (e is AmazonClientException or ArgumentException or InvalidOperationException or IOException)
        {
            // The SDK's messages about a profile name the profile and its settings' names, not their values.
            error = $"profile '{name}': {e.Message}";
            return false;
        }
    }

    [GeneratedRegex(@"\Aarn:[a-z0-9-]+:iam::[^:/]*:role/[\w+=,.@/-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"\A[A-Za-z0-9_+=,.@-]{2,64}\z", RegexOptions.CultureInvariant)]
    internal static partial Regex SessionNamePattern();

    [GeneratedRegex(@"\A[A-Za-z0-9_+=,.@:/-]{2,1224}\z", RegexOptions.CultureInvariant)]
    internal static partial Regex ExternalIdPattern();
}
