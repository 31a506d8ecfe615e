using LakeCircle.Core.Archive;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Core.Tests.Support;

/// <summary>Clients over parts given directly: an account, definitions, an endpoint store and an account check.</summary>
internal static class TestClient
{
    public const string Account = "123456789012";

    /// <summary>
    /// A client over the given parts; the endpoint is an in-memory store unless given. The options default to the
    /// test account and region, a fixed fingerprint and owner, no secret values, and the given clock.
    /// </summary>
    public static LakeCircleClient Create(
        IS3Gateway gateway,
        IDefinitionSource definitions,
        IEndpointStore? endpoint = null,
        LakeCircleClientOptions? options = null,
        ICallerIdentity? identity = null)
    {
        return new LakeCircleClient(new ClientSources(gateway, definitions, endpoint ?? new InMemoryEndpointStore(), identity), options ?? Options());
    }

    /// <summary>The options of a test run: the test account, region, fingerprint and owner, no secret values.</summary>
    public static LakeCircleClientOptions Options(TimeProvider? time = null, ILoggerFactory? loggers = null) => new()
    {
        Account = Account,
        Region = "eu-west-1",
        SettingsFingerprint = "0123456789ab",
        TimeProvider = time,
        Owner = "ci@runner:1",
        SecretValues = [],
        LoggerFactory = loggers,
    };
}
