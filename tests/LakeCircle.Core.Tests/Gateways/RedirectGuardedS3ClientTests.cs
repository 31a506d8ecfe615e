using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using LakeCircle.Core.Gateways;

namespace LakeCircle.Core.Tests.Gateways;

public class RedirectGuardedS3ClientTests
{
    private static RedirectGuardedS3Client Client(HttpStatusCode status, string location) =>
        new(new AnonymousAWSCredentials(), new AmazonS3Config
        {
            ServiceURL = "http://localhost:9",
            ForcePathStyle = true,
            MaxErrorRetry = 0,
            HttpClientFactory = new StubHttpClientFactory(status, "", new Dictionary<string, string> { ["Location"] = location }),
        });

    [Test]
    public async Task TemporaryRedirectAwayFromS3_FailsWithTheAddressNotAnArgumentException()
    {
        using var client = Client(HttpStatusCode.TemporaryRedirect, "http://user:secret@elsewhere.example/x");
        using var gateway = new AwsS3Gateway(client);

        var act = () => gateway.ListBucketsAsync();

        var thrown = (await act.Should().ThrowAsync<S3GatewayException>()).Which;
        thrown.StatusCode.Should().Be(307);
        thrown.Kind.Should().Be(S3ErrorKind.Other, "a redirect is not retried");
        thrown.Message.Should().Contain("redirect (HTTP 307) to 'http://user:***@elsewhere.example/x'").And.NotContain("secret");
    }

    [Test]
    public async Task PermanentRedirect_SaysItIsNotFollowed()
    {
        using var client = Client(HttpStatusCode.MovedPermanently, "http://elsewhere.example/");
        using var gateway = new AwsS3Gateway(client);

        var act = () => gateway.ListBucketsAsync();

        (await act.Should().ThrowAsync<S3GatewayException>()).Which.Message.Should().Contain("(HTTP 301").And.Contain("not followed");
    }
}
