using LakeCircle.Core.Gateways;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core;

/// <summary>
/// A checked, immutable copy of <see cref="LakeCircleClientOptions"/>, taken when a client is created: what every run of
/// the client reads. The defaults live in <see cref="LakeCircleClientOptions"/> and nowhere else.
/// </summary>
internal sealed record ClientSettings
{
    public string? Account { get; init; }

    public string? Region { get; init; }

    /// <summary>The regions runs are limited to (<see cref="LakeCircleClientOptions.Regions"/>); empty for every region.</summary>
    public IReadOnlySet<string> Regions { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The endpoint, or <see langword="null"/> for a client made for the account reads alone (export, snapshot).</summary>
    public EndpointLocation? Endpoint { get; init; }

    /// <summary>Local definition files and folders read instead of the endpoint's <c>definition/</c>; empty for the endpoint's.</summary>
    public IReadOnlyList<string> DefinitionPaths { get; init; } = [];

    public int ReadConcurrency { get; init; } = LakeCircleClientOptions.DefaultReadConcurrency;

    public int WriteConcurrency { get; init; } = LakeCircleClientOptions.DefaultWriteConcurrency;

    public int? MaxChanges { get; init; }

    public int? MaxDeletions { get; init; }

    public int? MaxDestructive { get; init; }

    public IReadOnlySet<string> AllowDestructive { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>How writes are read back, or <see langword="null"/> when they are not.</summary>
    public VerificationPolicy? Verification { get; init; } = VerificationPolicy.Bounded(LakeCircleClientOptions.DefaultVerifyTimeout);

    public TimeSpan LockTimeToLive { get; init; } = LakeCircleClientOptions.DefaultLockTimeToLive;

    public TimeSpan? LockRenewalInterval { get; init; }

    public bool ForceUnlock { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public string? SettingsFingerprint { get; init; }

    public string? RunId { get; init; }

    public string? Owner { get; init; }

    public IReadOnlyList<string>? SecretValues { get; init; }

    /// <summary>Checks and copies the options.</summary>
    /// <exception cref="ArgumentException">A value out of range, or an endpoint that cannot be read.</exception>
    public static ClientSettings From(LakeCircleClientOptions options, bool sourcesGiven = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ReadConcurrency, 1, nameof(options.ReadConcurrency));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WriteConcurrency, 1, nameof(options.WriteConcurrency));
        if (options.MaxChanges is { } maxChanges)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(maxChanges, nameof(options.MaxChanges));
        }

        if (options.MaxDeletions is { } maxDeletions)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(maxDeletions, nameof(options.MaxDeletions));
        }

        if (options.MaxDestructive is { } maxDestructive)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(maxDestructive, nameof(options.MaxDestructive));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.VerifyTimeout, TimeSpan.Zero, nameof(options.VerifyTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WaitTimeout, TimeSpan.Zero, nameof(options.WaitTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.LockTimeToLive, TimeSpan.Zero, nameof(options.LockTimeToLive));
        var account = Blank(options.Account);
        var region = Blank(options.Region);
        if (!sourcesGiven && options.Gateway is null && options.SnapshotPath is null && (account is null || region is null))
        {
            throw new ArgumentException("The options need an account and a region (LakeCircleClientOptions.Account, Region) to reach S3.", nameof(options));
        }

        EndpointLocation? endpoint = null;
        if (Blank(options.Endpoint) is { } text)
        {
            if (!EndpointLocation.TryParse(text, out endpoint))
            {
                throw new ArgumentException($"The endpoint '{text}' is neither s3://bucket/prefix/ nor a local folder.", nameof(options));
            }

            if (!endpoint.IsFolder)
            {
                endpoint = EndpointLocation.Parse(text + "/");
            }
        }

        var definitionPaths = new List<string>();
        foreach (var path in options.DefinitionPaths)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new ArgumentException("A definition path (LakeCircleClientOptions.DefinitionPaths) is empty.", nameof(options));
            }

            definitionPaths.Add(path);
        }

        var time = options.TimeProvider ?? TimeProvider.System;
        VerificationPolicy? verification = options.WaitForConsistency
            ? VerificationPolicy.Consistent(options.WaitTimeout, options.VerifyPollInterval)
            : options.VerifyWrites ? VerificationPolicy.Bounded(options.VerifyTimeout, options.VerifyPollInterval) : null;
        var secrets = options.SecretValues?.ToList() ?? [.. Archive.SecretScrubber.EnvironmentValues()];
        if (options.Credentials is not null)
        {
            AddHeldSecrets(options, secrets);
        }

        return new ClientSettings
        {
            Account = account,
            Region = region,
            Regions = options.Regions.Select(Blank).OfType<string>().ToHashSet(StringComparer.Ordinal),
            Endpoint = endpoint,
            DefinitionPaths = definitionPaths,
            ReadConcurrency = options.ReadConcurrency,
            WriteConcurrency = options.WriteConcurrency,
            MaxChanges = options.MaxChanges,
            MaxDeletions = options.MaxDeletions,
            MaxDestructive = options.MaxDestructive,
            AllowDestructive = options.AllowDestructive.ToHashSet(StringComparer.Ordinal),
            Verification = verification,
            LockTimeToLive = options.LockTimeToLive,
            LockRenewalInterval = options.LockRenewalInterval,
            ForceUnlock = options.ForceUnlock,
            Time = time,
            SettingsFingerprint = options.SettingsFingerprint,
            RunId = options.RunId,
            Owner = options.Owner,
            SecretValues = secrets,
        };
    }

    /// <summary>
    /// Adds the values of credentials that hold them; asking others (a role, an instance profile) would call out. Kept
    /// apart from <see cref="From"/> so that a run without credentials (a snapshot, a local endpoint) never loads the AWS SDK.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddHeldSecrets(LakeCircleClientOptions options, List<string> secrets)
    {
        if (options.Credentials is Amazon.Runtime.BasicAWSCredentials or Amazon.Runtime.SessionAWSCredentials)
        {
            var values = options.Credentials.GetCredentials();
            secrets.AddRange(new[] { values.SecretKey, values.Token, values.AccessKey }.Where(v => !string.IsNullOrEmpty(v)));
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
