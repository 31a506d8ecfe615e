using LakeCircle.Cli.Configuration;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Recovery;

namespace LakeCircle.Cli.Running;

/// <summary>The guards of a writing run (<see cref="SafeRunOptions"/>) as the run's settings configure them.</summary>
internal static class RunGuards
{
    /// <summary>
    /// The options of a run configured by <paramref name="payload"/>: its account, region and fingerprint, and the
    /// account check that fits the account side — none for a snapshot file, a warning for an S3-compatible server
    /// (<c>LCC_S3_ENDPOINT</c>), STS <c>GetCallerIdentity</c> for AWS.
    /// </summary>
    /// <param name="payload">The run's settings.</param>
    /// <returns>The options; set <see cref="SafeRunOptions.Observer"/>, <see cref="SafeRunOptions.ForceUnlock"/> and the rest with <c>with</c>.</returns>
    public static SafeRunOptions From(Payload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var settings = payload.Settings;
        ICallerIdentity? identity = settings.SnapshotPath is not null ? null
            : settings.S3Endpoint is not null ? UncheckedCallerIdentity.Instance
            : new StsCallerIdentity(settings.AwsRegion);
        return new SafeRunOptions
        {
            Account = settings.AwsAccount,
            Region = settings.AwsRegion,
            SettingsFingerprint = payload.Fingerprint,
            CallerIdentity = identity,
        };
    }
}
