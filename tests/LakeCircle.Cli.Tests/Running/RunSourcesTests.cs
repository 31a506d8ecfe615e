using LakeCircle.Cli.Running;
using LakeCircle.Core.Configuration;

namespace LakeCircle.Cli.Tests.Running;

public class RunSourcesTests
{
    private static Settings Settings(string? s3Endpoint = null) => new()
    {
        Endpoint = EndpointLocation.Local(Path.GetTempPath()),
        AwsAccount = "123456789012",
        AwsRegion = "eu-west-1",
        S3Endpoint = s3Endpoint is null ? null : new Uri(s3Endpoint),
    };

    [Test]
    public void GatewayOptions_Aws_UsesTheRegionAndTheAccountAsExpectedOwner()
    {
        var options = RunSources.GatewayOptions(Settings(), pathStyle: null, expectedOwner: "123456789012");

        options.Region.Should().Be("eu-west-1");
        options.ServiceUrl.Should().BeNull();
        options.ForcePathStyle.Should().BeFalse();
        options.ChecksumWhenRequired.Should().BeFalse();
        options.ExpectedBucketOwner.Should().Be("123456789012");
    }

    [Test]
    public void GatewayOptions_S3CompatibleUrl_TurnsOnPathStyleAndChecksumsWhenRequired()
    {
        var options = RunSources.GatewayOptions(Settings("http://localhost:7480"), pathStyle: null, expectedOwner: null);

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
        RunSources.GatewayOptions(Settings(url), pathStyle, null).ForcePathStyle.Should().Be(expected);
    }

    [Test]
    public void Create_LocalEndpointWithoutSnapshot_ReadsDefinitionsLocallyAndTheAccountThroughTheSdk()
    {
        var settings = Settings();
        var configuration = new RunConfiguration { Settings = settings, Payload = new Payload(settings) };

        using var sources = RunSources.Create(configuration, pathStyle: null);

        sources.Account.Should().BeOfType<LakeCircle.Core.Gateways.Retries.RetryingS3Gateway>("S3 calls are retried on transient failures");
        sources.Definitions.Should().BeOfType<LakeCircle.Core.Definitions.LocalDefinitionSource>();
        sources.AccountDescription.Should().Be("AWS S3");
    }

    [Test]
    public void Create_S3Endpoint_ReadsDefinitionsFromS3()
    {
        var settings = Settings() with { Endpoint = EndpointLocation.S3("config-bucket", "lakecircle/") };
        var configuration = new RunConfiguration { Settings = settings, Payload = new Payload(settings) };

        using var sources = RunSources.Create(configuration, pathStyle: null);

        sources.Definitions.Should().BeOfType<LakeCircle.Core.Definitions.S3DefinitionSource>();
        sources.Endpoint.Should().BeOfType<LakeCircle.Core.Recovery.RetryingEndpointStore>("endpoint objects are retried on transient failures")
            .Which.Inner.Should().BeOfType<LakeCircle.Core.Recovery.S3EndpointStore>()
            .Which.Location.Should().Be(EndpointLocation.S3("config-bucket", "lakecircle/"));
    }
}
