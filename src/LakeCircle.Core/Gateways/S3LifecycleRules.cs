using LakeCircle.Core.Model;

namespace LakeCircle.Core.Gateways;

/// <summary>The checks S3 makes on every lifecycle PUT before it looks at the rules themselves, shared by the local stores.</summary>
internal static class S3LifecycleRules
{
    /// <summary>The most rules S3 accepts in one configuration.</summary>
    public const int MaxRules = 1000;

    /// <summary>Throws what S3 answers for a configuration it refuses outright (no rules, too many, duplicate IDs).</summary>
    public static void EnsureAcceptable(string bucket, LifecycleConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string? problem = null;
        if (configuration.Rules.Count == 0)
        {
            problem = "a lifecycle configuration needs at least one rule; delete the configuration instead";
        }
        else if (configuration.Rules.Count > MaxRules)
        {
            problem = $"a lifecycle configuration holds at most {MaxRules} rules, not {configuration.Rules.Count}";
        }
        else if (configuration.Rules.Where(r => !string.IsNullOrEmpty(r.Id)).GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            problem = $"rule ID '{duplicate.Key}' is used by more than one rule";
        }

        if (problem is not null)
        {
            throw new S3GatewayException(S3ErrorKind.InvalidRequest, S3Operations.PutBucketLifecycleConfiguration, bucket, problem, 400, "InvalidRequest");
        }
    }

    /// <summary>
    /// What S3 stores for an accepted PUT: rules without an ID get a random one, and a configuration without
    /// <see cref="LifecycleConfiguration.TransitionDefaultMinimumObjectSize"/> gets <paramref name="defaultMinimumObjectSize"/>.
    /// </summary>
    public static LifecycleConfiguration AsStored(LifecycleConfiguration configuration, string? defaultMinimumObjectSize)
    {
        var stored = AssignMissingIds(configuration);
        return stored.TransitionDefaultMinimumObjectSize is null && defaultMinimumObjectSize is not null
            ? stored with { TransitionDefaultMinimumObjectSize = defaultMinimumObjectSize }
            : stored;
    }

    private static LifecycleConfiguration AssignMissingIds(LifecycleConfiguration configuration) =>
        configuration.Rules.Any(r => string.IsNullOrEmpty(r.Id))
            ? configuration with
            {
                Rules = configuration.Rules
                    .Select(r => string.IsNullOrEmpty(r.Id) ? r with { Id = Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=') } : r)
                    .ToValueList(),
            }
            : configuration;

    public static S3GatewayException NoSuchBucket(string operation, string bucket) =>
        new(S3ErrorKind.NoSuchBucket, operation, bucket, "The specified bucket does not exist.", 404, "NoSuchBucket");
}
