using LakeCircle.Cli.Configuration;
using LakeCircle.Core;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Cli.Running;

/// <summary>The one mapping from the checked settings of a command line to the library's <see cref="LakeCircleClientOptions"/>.</summary>
internal static class ClientOptions
{
    /// <summary>The client options of a run configured by <paramref name="configuration"/>.</summary>
    /// <param name="configuration">The checked configuration (no errors).</param>
    /// <param name="pathStyle">The path-style choice of the command line, or <see langword="null"/> for the default.</param>
    /// <param name="forceUnlock">Whether a writing run removes a held lock first (<c>--force-unlock</c>).</param>
    /// <param name="loggers">Where the client logs.</param>
    public static LakeCircleClientOptions From(RunConfiguration configuration, bool? pathStyle, bool forceUnlock, ILoggerFactory loggers)
    {
        var settings = configuration.Settings ?? throw new ArgumentException("The configuration has errors.", nameof(configuration));
        var payload = configuration.Payload!;
        var parameters = settings.ActionParameters;
        var options = new LakeCircleClientOptions
        {
            Account = settings.AwsAccount,
            Region = settings.AwsRegion,
            Endpoint = settings.Endpoint is null ? null : payload.Require(PayloadKeys.EndpointBase),
            ServiceUrl = settings.S3Endpoint,
            ForcePathStyle = pathStyle,
            Gateway = configuration.Snapshot,
            ReadConcurrency = parameters.Concurrency,
            WriteConcurrency = parameters.WriteConcurrency,
            MaxChanges = parameters.MaxChanges,
            MaxDeletions = parameters.MaxDeletions,
            MaxDestructive = parameters.MaxDestructive,
            WaitForConsistency = parameters.Wait,
            WaitTimeout = parameters.WaitTimeout,
            ForceUnlock = forceUnlock,
            LoggerFactory = loggers,
            SettingsFingerprint = payload.Fingerprint,
        };
        foreach (var region in settings.AwsRegions)
        {
            options.Regions.Add(region);
        }

        foreach (var bucket in parameters.AllowDestructive)
        {
            options.AllowDestructive.Add(bucket);
        }

        return options;
    }

    /// <summary>Where the account is read from, for the log: the snapshot path, the S3 URL or <c>AWS S3</c>.</summary>
    public static string DescribeAccount(RunConfiguration configuration) =>
        configuration.Snapshot is { } snapshot ? "snapshot " + snapshot.FilePath
        : configuration.Settings?.S3Endpoint?.ToString() ?? "AWS S3";
}
