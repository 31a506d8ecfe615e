using Amazon;
using Amazon.S3;
using Amazon.SecurityToken;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Gateways.Retries;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Sync;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Core;

/// <summary>
/// What a <see cref="LakeCircleClient"/> reads and writes: the account (the AWS SDK, a snapshot file or a gateway
/// given), the definitions under the endpoint's <c>definition/</c>, the endpoint's store, and the account check that
/// fits the account side. Decided here and nowhere else. Disposing releases the SDK clients it created. The account's
/// calls, and an S3 endpoint's (its definitions included), go through counting decorators, so that each run can tell its
/// S3 calls by kind (<see cref="RunReporter"/>).
/// </summary>
internal sealed class ClientSources : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    /// <summary>Creates sources from parts (tests, the CLI's snapshot).</summary>
    /// <remarks>The account and an S3-shaped endpoint are wrapped in the counting decorators unless they already are.</remarks>
    public ClientSources(IS3Gateway account, IDefinitionSource definitions, IEndpointStore endpoint, ICallerIdentity? callerIdentity = null)
    {
        Account = account is CountingS3Gateway ? account : new CountingS3Gateway(account);
        Definitions = definitions;
        Endpoint = Counted(endpoint);
        CallerIdentity = callerIdentity;
    }

    /// <summary>The same sources with other definitions (owning nothing: disposing the copy releases nothing).</summary>
    public ClientSources WithDefinitions(IDefinitionSource definitions) =>
        new(Account, definitions, Endpoint, CallerIdentity) { KnownAccount = KnownAccount, KnownRegion = KnownRegion };

    /// <summary>The account whose lifecycles are read and written (its calls counted: <see cref="CountingS3Gateway"/>).</summary>
    public IS3Gateway Account { get; }

    /// <summary>The account as given or built (the AWS SDK's with its retries, a snapshot, a given gateway), under the counting.</summary>
    public IS3Gateway UndecoratedAccount => ((CountingS3Gateway)Account).Inner;

    /// <summary>Where the definitions are read from.</summary>
    public IDefinitionSource Definitions { get; }

    /// <summary>The store at the endpoint base: lock, archive, run records (an S3 endpoint's calls counted: <see cref="CountingEndpointStore"/>).</summary>
    public IEndpointStore Endpoint { get; }

    /// <summary>The endpoint store as built, under the counting.</summary>
    public IEndpointStore UndecoratedEndpoint => Endpoint is CountingEndpointStore counted ? counted.Inner : Endpoint;

    /// <summary>The account check of writing runs: STS for AWS, a warning for S3-compatible servers, none for a snapshot or a given account.</summary>
    public ICallerIdentity? CallerIdentity { get; }

    /// <summary>The account ID the account side itself tells (a snapshot file), or <see langword="null"/>.</summary>
    public string? KnownAccount { get; init; }

    /// <summary>The region the account side itself tells (a snapshot file), or <see langword="null"/>.</summary>
    public string? KnownRegion { get; init; }

    /// <summary>
    /// Builds the sources the options describe. A snapshot file is opened here (async, so not in the client's
    /// constructor). Throws <see cref="ArgumentException"/> for options that cannot work.
    /// </summary>
    public static async Task<ClientSources> CreateAsync(LakeCircleClientOptions options, ClientSettings settings, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var owned = new List<IDisposable>();
        IAmazonS3? client = options.S3Client;
        IAmazonS3 S3()
        {
            if (client is null)
            {
                var config = AmazonS3ClientFactory.CreateConfig(GatewayOptions(options, settings.Account));
                client = options.Credentials is null ? new RedirectGuardedS3Client(config) : new RedirectGuardedS3Client(options.Credentials, config);
                owned.Add(client);
            }

            return client;
        }

        IS3Gateway account;
        ICallerIdentity? identity;
        string? knownAccount = null, knownRegion = null;
        if (options.Gateway is { } given)
        {
            (account, identity) = (given, null);
        }
        else if (options.SnapshotPath is { } path)
        {
            var snapshot = await SnapshotS3Gateway.OpenAsync(Path.GetFullPath(path), cancellationToken).ConfigureAwait(false);
            CheckSnapshot(snapshot, settings);
            (account, identity) = (snapshot, null);
            (knownAccount, knownRegion) = (snapshot.Account, snapshot.Region);
        }
        else
        {
            var gatewayOptions = GatewayOptions(options, settings.Account);
            var gateway = new AwsS3Gateway(S3(), gatewayOptions, ownsClient: false);
            IS3Gateway routed = gateway;
            if (options.S3Client is null && options.ServiceUrl is null && settings.Region is { } home)
            {
                // AWS: each bucket through a client of its own region. A server URL (one address for every bucket) and a
                // caller's client serve every bucket themselves.
                var regional = new RegionalS3Gateway(gateway, home, region => RegionGateway(options, gatewayOptions, region));
                owned.Add(regional);
                routed = regional;
            }

            account = new RetryingS3Gateway(routed, logger: loggers.CreateLogger("LakeCircle.Retries"));
            identity = options.ServiceUrl is not null ? UncheckedCallerIdentity.Instance : Sts(options, settings, owned);
        }

        var retries = loggers.CreateLogger("LakeCircle.Retries");
        IEndpointStore endpoint = options.InMemoryEndpoint is { } memory ? memory
            : settings.Endpoint is not { } location ? NoEndpointStore.Instance
            : location.Kind == EndpointKind.S3 ? new RetryingEndpointStore(EndpointStore.For(location, S3()), logger: retries)
            : EndpointStore.For(location);
        // Counted before the definitions are made over it, so that reading them from an S3 endpoint counts too.
        endpoint = Counted(endpoint);
        IDefinitionSource definitions = settings.DefinitionPaths.Count > 0
            ? Given(settings.DefinitionPaths)
            : settings.Endpoint is { Kind: EndpointKind.Local } folder
                ? new LocalDefinitionSource(folder.Join("definition/").Path!)
                : new S3DefinitionSource(endpoint, "definition/");
        var sources = new ClientSources(account, definitions, endpoint, identity)
        {
            KnownAccount = knownAccount,
            KnownRegion = knownRegion,
        };
        sources._owned.AddRange(owned);
        return sources;
    }

    /// <summary>The local definition files and folders of <see cref="LakeCircleClientOptions.DefinitionPaths"/>, read as one set.</summary>
    private static IDefinitionSource Given(IReadOnlyList<string> paths) =>
        paths.Count == 1 ? new LocalDefinitionSource(paths[0]) : new CombinedDefinitionSource([.. paths.Select(p => (IDefinitionSource)new LocalDefinitionSource(p))]);

    /// <summary>Tells the routing to regions (AWS) the region of each bucket of <paramref name="plan"/> that names one (a saved plan).</summary>
    public void RememberRegions(Planning.AccountPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (UndecoratedAccount is RetryingS3Gateway { Inner: RegionalS3Gateway regional })
        {
            foreach (var bucket in plan.Buckets)
            {
                if (bucket.Region is { Length: > 0 } region)
                {
                    regional.Remember(bucket.Bucket, region);
                }
            }
        }
    }

    /// <summary>An S3-shaped endpoint (S3, or held in memory in its place) counted; a local folder's file operations are no S3 calls.</summary>
    private static IEndpointStore Counted(IEndpointStore endpoint) =>
        endpoint is CountingEndpointStore or NoEndpointStore || endpoint.Location is not { Kind: EndpointKind.S3 } ? endpoint : new CountingEndpointStore(endpoint);

    /// <summary>
    /// How the SDK reaches S3: the region; with an S3-compatible URL, that URL with path-style addressing and checksums
    /// only when required (unless the options say otherwise).
    /// </summary>
    internal static AwsS3GatewayOptions GatewayOptions(LakeCircleClientOptions options, string? expectedOwner)
    {
        var compatible = options.ServiceUrl is not null;
        return new AwsS3GatewayOptions
        {
            Region = options.Region,
            ServiceUrl = options.ServiceUrl?.ToString(),
            ForcePathStyle = options.ForcePathStyle ?? compatible,
            ChecksumWhenRequired = options.ChecksumWhenRequired ?? compatible,
            ExpectedBucketOwner = expectedOwner,
            HttpClientFactory = options.HttpTransport is { } transport ? new AwsHttpClientFactory(transport) : null,
        };
    }

    /// <summary>The gateway of one region: its own SDK client (the <c>AmazonS3Config.RegionEndpoint</c> of that region), which it disposes.</summary>
    private static AwsS3Gateway RegionGateway(LakeCircleClientOptions options, AwsS3GatewayOptions home, string region)
    {
        var regionOptions = home.Clone();
        regionOptions.Region = region;
        var config = AmazonS3ClientFactory.CreateConfig(regionOptions);
        var client = options.Credentials is null ? new RedirectGuardedS3Client(config) : new RedirectGuardedS3Client(options.Credentials, config);
        return new AwsS3Gateway(client, regionOptions, ownsClient: true);
    }

    private static StsCallerIdentity Sts(LakeCircleClientOptions options, ClientSettings settings, List<IDisposable> owned)
    {
        var region = settings.Region ?? options.Region;
        var config = new AmazonSecurityTokenServiceConfig();
        if (options.StsUrl is { } url)
        {
            // Setting RegionEndpoint would clear ServiceURL: the region of a given endpoint is its signing region.
            config.ServiceURL = url.ToString();
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        var sts = options.Credentials is null ? new AmazonSecurityTokenServiceClient(config) : new AmazonSecurityTokenServiceClient(options.Credentials, config);
        owned.Add(sts);
        return new StsCallerIdentity(sts);
    }

    private static void CheckSnapshot(SnapshotS3Gateway snapshot, ClientSettings settings)
    {
        if (settings.Account is not null && !string.Equals(snapshot.Account, settings.Account, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The snapshot '{snapshot.FilePath}' is for account {snapshot.Account}, not {settings.Account}: refusing to read or write it.");
        }

        if (settings.Region is not null && !string.Equals(snapshot.Region, settings.Region, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The snapshot '{snapshot.FilePath}' is for region {snapshot.Region}, not {settings.Region}: refusing to read or write it.");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _owned.Clear();
    }
}
