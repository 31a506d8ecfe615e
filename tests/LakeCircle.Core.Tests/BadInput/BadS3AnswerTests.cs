using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Gateways;
using LakeCircle.Core.Tests.Support;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using LifecycleConfiguration = LakeCircle.Core.Model.LifecycleConfiguration;

namespace LakeCircle.Core.Tests.BadInput;

/// <summary>
/// Bad answers from S3 — garbage or truncated XML, unexpected 500s, AccessDenied on GET or PUT, a bucket gone mid-run —
/// become a failure naming the bucket, and nothing is written to a bucket whose state is unknown.
/// </summary>
[TestFixture]
internal sealed class BadS3AnswerTests
{
    private const string Definition = "BucketName = \"acme-logs\"\n[LifecycleConfiguration]\n[[LifecycleConfiguration.Rules]]\nID = \"r1\"\nStatus = \"Enabled\"\nFilter = {}\nExpiration = { Days = 3 }\n";

    public static IEnumerable<TestCaseData> GetAnswers()
    {
        yield return new TestCaseData(HttpStatusCode.OK, "<LifecycleConfiguration><Rule><ID>r1</ID><Status>Enab").SetArgDisplayNames("truncated XML");
        yield return new TestCaseData(HttpStatusCode.OK, "\u0001\u0002 not xml at all {").SetArgDisplayNames("garbage");
        yield return new TestCaseData(HttpStatusCode.InternalServerError, "<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>").SetArgDisplayNames("500 InternalError");
        yield return new TestCaseData(HttpStatusCode.Forbidden, "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>").SetArgDisplayNames("403 AccessDenied on GET");
        yield return new TestCaseData(HttpStatusCode.BadGateway, "<html>bad gateway</html>").SetArgDisplayNames("502 with an HTML body");
    }

    [TestCaseSource(nameof(GetAnswers))]
    public async Task SyncAsync_BadLifecycleGetAnswer_BucketFailsNamedAndNothingIsWritten(HttpStatusCode status, string body)
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("acme-logs.toml"), Definition);
        using var client = StubHttpClientFactory.Client(status, body);
        var inner = new AwsS3Gateway(client);
        var gateway = Substitute.For<IS3Gateway>();
        gateway.ListBucketsAsync(Arg.Any<CancellationToken>()).Returns(["acme-logs"]);
        gateway.GetLifecycleAsync("acme-logs", Arg.Any<CancellationToken>()).Returns(c => inner.GetLifecycleAsync("acme-logs", c.Arg<CancellationToken>()));

        var outcome = await TestClient.Create(gateway, new LocalDefinitionSource(folder.Path)).SyncAsync();

        var bucket = outcome.Plan!.Buckets.Single(b => b.Bucket == "acme-logs");
        TestContext.Out.WriteLine(bucket.Error);
        outcome.Succeeded.Should().BeFalse();
        bucket.Error.Should().Contain("acme-logs").And.Contain(S3Operations.GetBucketLifecycleConfiguration);
        await gateway.DidNotReceiveWithAnyArgs().PutLifecycleAsync(default!, default!, default);
        await gateway.DidNotReceiveWithAnyArgs().DeleteLifecycleAsync(default!, default);
    }

    [Test]
    public async Task GetLifecycleAsync_SdkCannotUnmarshall_IsAnS3GatewayExceptionNamingTheBucket()
    {
        var client = Substitute.For<IAmazonS3>();
        client.GetLifecycleConfigurationAsync(Arg.Any<GetLifecycleConfigurationRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new AmazonUnmarshallingException("req-1", "Rule/Status", new System.Xml.XmlException("Unexpected end of file.")));
        var gateway = new AwsS3Gateway(client, new AwsS3GatewayOptions { RawLifecycleReadFallback = false });

        var act = () => gateway.GetLifecycleAsync("acme-logs");

        (await act.Should().ThrowAsync<S3GatewayException>()).Which.Message.Should().Contain("acme-logs");
    }

    [Test]
    public async Task SyncAsync_AccessDeniedOnPut_BucketFailsOthersApplied()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("acme-logs.toml"), Definition);
        await File.WriteAllTextAsync(folder.File("acme-other.toml"), Definition.Replace("acme-logs", "acme-other", StringComparison.Ordinal));
        var store = new InMemoryS3Gateway().AddBucket("acme-logs").AddBucket("acme-other");
        var gateway = new DenyingGateway(store, "acme-logs");

        var outcome = await TestClient.Create(gateway, new LocalDefinitionSource(folder.Path)).SyncAsync();

        var denied = outcome.Buckets.Single(b => b.Bucket == "acme-logs");
        TestContext.Out.WriteLine(denied.Error);
        denied.Result.Should().Be(BucketResult.Failed);
        denied.Error.Should().Contain("acme-logs").And.Contain("AccessDenied");
        store.PeekLifecycle("acme-logs").Should().BeNull();
        outcome.Buckets.Single(b => b.Bucket == "acme-other").Result.Should().Be(BucketResult.Applied);
    }

    [Test]
    public async Task SyncAsync_BucketDeletedBetweenListAndRead_IsMissingAndNotWritten()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("acme-logs.toml"), Definition);
        var store = new InMemoryS3Gateway().AddBucket("acme-logs");
        var gateway = Substitute.For<IS3Gateway>();
        gateway.ListBucketsAsync(Arg.Any<CancellationToken>()).Returns(["acme-logs"]);
        gateway.GetLifecycleAsync("acme-logs", Arg.Any<CancellationToken>()).ThrowsAsync(S3LifecycleRules.NoSuchBucket(S3Operations.GetBucketLifecycleConfiguration, "acme-logs"));

        var outcome = await TestClient.Create(gateway, new LocalDefinitionSource(folder.Path)).SyncAsync();

        outcome.Plan!.Buckets.Single().Status.Should().Be(LakeCircle.Core.Planning.BucketStatus.Missing);
        await gateway.DidNotReceiveWithAnyArgs().PutLifecycleAsync(default!, default!, default);
        store.CallCounts.Should().BeEmpty();
    }

    [Test]
    public async Task SyncAsync_BucketDeletedBetweenPlanAndPut_FailsNamingTheBucket()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("acme-logs.toml"), Definition);
        var store = new InMemoryS3Gateway().AddBucket("acme-logs");
        var gateway = Substitute.For<IS3Gateway>();
        gateway.ListBucketsAsync(Arg.Any<CancellationToken>()).Returns(["acme-logs"]);
        gateway.GetLifecycleAsync("acme-logs", Arg.Any<CancellationToken>()).Returns((LifecycleConfiguration?)null);
        gateway.PutLifecycleAsync("acme-logs", Arg.Any<LifecycleConfiguration>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(S3LifecycleRules.NoSuchBucket(S3Operations.PutBucketLifecycleConfiguration, "acme-logs"));

        var outcome = await TestClient.Create(gateway, new LocalDefinitionSource(folder.Path)).SyncAsync();

        var result = outcome.Buckets.Single();
        TestContext.Out.WriteLine(result.Error);
        result.Result.Should().Be(BucketResult.Failed);
        result.Error.Should().Contain("acme-logs").And.Contain("NoSuchBucket");
        store.CallCounts.Should().BeEmpty();
    }

    private sealed class DenyingGateway(InMemoryS3Gateway store, string denied) : IS3Gateway
    {
        public Task<IReadOnlyList<string>> ListBucketsAsync(CancellationToken cancellationToken = default) => store.ListBucketsAsync(cancellationToken);

        public Task<LifecycleConfiguration?> GetLifecycleAsync(string bucket, CancellationToken cancellationToken = default) => store.GetLifecycleAsync(bucket, cancellationToken);

        public Task PutLifecycleAsync(string bucket, LifecycleConfiguration configuration, CancellationToken cancellationToken = default) => bucket == denied
            ? Task.FromException(new S3GatewayException(S3ErrorKind.AccessDenied, S3Operations.PutBucketLifecycleConfiguration, bucket, "Access Denied", 403, "AccessDenied"))
            : store.PutLifecycleAsync(bucket, configuration, cancellationToken);

        public Task DeleteLifecycleAsync(string bucket, CancellationToken cancellationToken = default) => store.DeleteLifecycleAsync(bucket, cancellationToken);
    }
}
