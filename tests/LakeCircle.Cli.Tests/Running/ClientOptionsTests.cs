using System.CommandLine;
using LakeCircle.Cli.Commands;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Running;
using LakeCircle.Cli.Tests.Commands;
using LakeCircle.Cli.Tests.Configuration;
using LakeCircle.Core;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Gateways.Retries;
using LakeCircle.Core.Sync;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakeCircle.Cli.Tests.Running;

/// <summary>The one mapping from a command line's settings to the client's options, and what the client builds from them.</summary>
public class ClientOptionsTests
{
    private ExampleCopy _example = null!;

    [SetUp]
    public void SetUp() => _example = new ExampleCopy();

    [TearDown]
    public void TearDown() => _example.Dispose();

    private static LakeCircleClientOptions Options(string? s3Endpoint = null, string? endpoint = null, bool? pathStyle = null)
    {
        var settings = SettingsFixtures.Valid(("LCC_ENDPOINT", endpoint ?? Path.GetTempPath()), ("LCC_S3_ENDPOINT", s3Endpoint));
        var configuration = new RunConfiguration { Settings = settings, Payload = new Payload(settings) };
        return ClientOptions.From(configuration, pathStyle, forceUnlock: false, NullLoggerFactory.Instance);
    }

    private async Task<VerificationPolicy?> RollbackPolicyAsync(string commandLine)
    {
        var command = new Command("rollback");
        var options = new RunOptions(RollbackCommand.Groups);
        options.AddTo(command);
        var arguments = RunArguments.From(command.Parse(commandLine), options, WorkAction.Sync);
        var configuration = await RunConfiguration.LoadAsync(_example.Variables(), arguments, CancellationToken.None);
        configuration.Errors.Should().BeEmpty();
        return ClientSettings.From(ClientOptions.From(configuration, null, false, NullLoggerFactory.Instance)).Verification;
    }

    [Test]
    public async Task From_RollbackWithoutWait_BoundedVerification()
    {
        (await RollbackPolicyAsync("--bucket acme-logs")).Should().Be(VerificationPolicy.Bounded(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task From_RollbackWithWait_WaitsForConsistencyWithinTheTimeout()
    {
        (await RollbackPolicyAsync("--bucket acme-logs --wait --wait-timeout 3m")).Should().Be(VerificationPolicy.Consistent(TimeSpan.FromMinutes(3)));
    }

    [Test]
    public void GatewayOptions_Aws_UsesTheRegionAndTheAccountAsExpectedOwner()
    {
        var options = ClientSources.GatewayOptions(Options(), expectedOwner: "123456789012");

        options.Region.Should().Be("eu-west-1");
        options.ServiceUrl.Should().BeNull();
        options.ForcePathStyle.Should().BeFalse();
        options.ChecksumWhenRequired.Should().BeFalse();
        options.ExpectedBucketOwner.Should().Be("123456789012");
    }

    [Test]
    public void GatewayOptions_S3CompatibleUrl_TurnsOnPathStyleAndChecksumsWhenRequired()
    {
        var options = ClientSources.GatewayOptions(Options("http://localhost:7480"), expectedOwner: null);

        options.ServiceUrl.Should().StartWith("http://localhost:7480");
        options.ForcePathStyle.Should().BeTrue();
        options.ChecksumWhenRequired.Should().BeTrue();
        options.ExpectedBucketOwner.Should().BeNull();
    }

    [TestCase(null, true, true)]
    [TestCase(null, false, false)]
    [TestCase("http://localhost:7480", false, false)]
    public void GatewayOptions_PathStyleFlag_WinsOverTheDefault(string? url, bool pathStyle, bool expected)
    {
        ClientSources.GatewayOptions(Options(url, pathStyle: pathStyle), null).ForcePathStyle.Should().Be(expected);
    }

    [Test]
    public async Task CreateAsync_LocalEndpointWithoutSnapshot_ReadsDefinitionsLocallyAndTheAccountThroughTheSdk()
    {
        var options = Options();

        using var sources = await ClientSources.CreateAsync(options, ClientSettings.From(options), NullLoggerFactory.Instance, CancellationToken.None);

        sources.UndecoratedAccount.Should().BeOfType<RetryingS3Gateway>("S3 calls are retried on transient failures");
        sources.Account.Should().BeOfType<CountingS3Gateway>("each run counts its S3 calls, a retried call once");
        sources.Definitions.Should().BeOfType<LocalDefinitionSource>();
        sources.CallerIdentity.Should().BeOfType<StsCallerIdentity>("against AWS the account of the credentials is checked with STS");
    }

    [Test]
    public async Task CreateAsync_S3Endpoint_ReadsDefinitionsFromS3()
    {
        var options = Options(endpoint: "s3://config-bucket/lakecircle/");

        using var sources = await ClientSources.CreateAsync(options, ClientSettings.From(options), NullLoggerFactory.Instance, CancellationToken.None);

        sources.Definitions.Should().BeOfType<S3DefinitionSource>();
    }
}
