using LakeCircle.Core.Configuration;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Gateways.Retries;
using LakeCircle.Core.Recovery;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Cli.Running;

/// <summary>
/// The two sides of a run, built from its settings: the account (the snapshot file, or S3 through the AWS SDK with
/// the configured account as expected bucket owner) and the endpoint (a local folder, or objects under an S3 prefix
/// reached through an SDK client of their own, without an expected owner), with the definitions under it. Calls to S3
/// go through <see cref="RetryingS3Gateway"/> and <see cref="RetryingEndpointStore"/> on top of the SDK's own retries
/// (docs/retries.md), which log each retry. Disposing releases the SDK clients it created.
/// </summary>
internal sealed class RunSources : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    private RunSources(IS3Gateway account, IDefinitionSource definitions, IEndpointStore endpoint, string accountDescription)
    {
        Account = account;
        Definitions = definitions;
        Endpoint = endpoint;
        AccountDescription = accountDescription;
    }

    /// <summary>The account whose lifecycles are read and written.</summary>
    public IS3Gateway Account { get; }

    /// <summary>Where the definitions are read from.</summary>
    public IDefinitionSource Definitions { get; }

    /// <summary>
    /// The store at <c>endpoint.base</c>: the lock, <c>current/</c>, <c>previous/</c>, <c>history/</c> and <c>log/</c>
    /// (a local folder, or objects reached without an expected owner).
    /// </summary>
    public IEndpointStore Endpoint { get; }

    /// <summary>Where the account is read from, for the log: the snapshot path, the S3 URL or <c>AWS S3</c>.</summary>
    public string AccountDescription { get; }

    /// <summary>Builds the sources of a run.</summary>
    /// <param name="configuration">The checked configuration.</param>
    /// <param name="pathStyle">The path-style choice of the command line, or <see langword="null"/> for the default.</param>
    /// <param name="loggers">Where the retries of S3 calls are logged; nowhere by default.</param>
    public static RunSources Create(RunConfiguration configuration, bool? pathStyle, ILoggerFactory? loggers = null)
    {
        var settings = configuration.Settings ?? throw new ArgumentException("The configuration has errors.", nameof(configuration));
        var retryLogger = loggers?.CreateLogger("LakeCircle.Retries");
        var owned = new List<IDisposable>();
        IS3Gateway account;
        string description;
        if (configuration.Snapshot is { } snapshot)
        {
            account = snapshot;
            description = "snapshot " + snapshot.FilePath;
        }
        else
        {
            var gateway = new AwsS3Gateway(GatewayOptions(settings, pathStyle, expectedOwner: settings.AwsAccount));
            owned.Add(gateway);
            account = new RetryingS3Gateway(gateway, logger: retryLogger);
            description = settings.S3Endpoint?.ToString() ?? "AWS S3";
        }

        var payload = configuration.Payload!;
        var definition = payload.Location(PayloadKeys.EndpointDefinition);
        var endpointBase = payload.Location(PayloadKeys.EndpointBase);
        Amazon.S3.IAmazonS3? endpointClient = null;
        if (endpointBase.Kind == EndpointKind.S3 || definition.Kind == EndpointKind.S3)
        {
            // The endpoint bucket may belong to another account than the managed one: no expected owner.
            endpointClient = AmazonS3ClientFactory.Create(GatewayOptions(settings, pathStyle, expectedOwner: null));
            owned.Add(endpointClient);
        }

        IDefinitionSource definitions = definition.Kind == EndpointKind.Local
            ? new LocalDefinitionSource(definition.Path!)
            : new S3DefinitionSource(new RetryingEndpointStore(EndpointStore.For(definition, endpointClient), logger: retryLogger));
        var endpoint = endpointBase.Kind == EndpointKind.S3
            ? new RetryingEndpointStore(EndpointStore.For(endpointBase, endpointClient), logger: retryLogger)
            : EndpointStore.For(endpointBase);
        var sources = new RunSources(account, definitions, endpoint, description);
        sources._owned.AddRange(owned);
        return sources;
    }

    /// <summary>
    /// How the AWS SDK clients reach S3: the configured region; with an S3-compatible URL, that URL with path-style
    /// addressing (unless turned off) and checksums only when required; credentials from the SDK's own chain.
    /// </summary>
    internal static AwsS3GatewayOptions GatewayOptions(Settings settings, bool? pathStyle, string? expectedOwner)
    {
        var compatible = settings.S3Endpoint is not null;
        return new AwsS3GatewayOptions
        {
            Region = settings.AwsRegion,
            ServiceUrl = settings.S3Endpoint?.ToString(),
            ForcePathStyle = pathStyle ?? compatible,
            ChecksumWhenRequired = compatible,
            ExpectedBucketOwner = expectedOwner,
        };
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
