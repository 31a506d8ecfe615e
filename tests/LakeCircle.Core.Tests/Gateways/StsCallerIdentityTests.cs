using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Tests.Support;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace LakeCircle.Core.Tests.Gateways;

public sealed class StsCallerIdentityTests
{
    [Test]
    public async Task GetAccountAsync_Answer_ReturnsTheAccount()
    {
        var sts = Substitute.For<IAmazonSecurityTokenService>();
        sts.GetCallerIdentityAsync(Arg.Any<GetCallerIdentityRequest>(), Arg.Any<CancellationToken>())
            .Returns(new GetCallerIdentityResponse { Account = "123456789012", Arn = "arn:aws:iam::123456789012:user/ci" });

        (await new StsCallerIdentity(sts).GetAccountAsync()).Should().Be("123456789012");
    }

    [Test]
    public async Task GetAccountAsync_ServiceError_BecomesAGatewayException()
    {
        var sts = Substitute.For<IAmazonSecurityTokenService>();
        sts.GetCallerIdentityAsync(Arg.Any<GetCallerIdentityRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new AmazonSecurityTokenServiceException("The security token included in the request is invalid.")
            {
                ErrorCode = "InvalidClientTokenId", StatusCode = System.Net.HttpStatusCode.Forbidden,
            });

        var act = () => new StsCallerIdentity(sts).GetAccountAsync();

        (await act.Should().ThrowAsync<S3GatewayException>()).Which.Should().Match<S3GatewayException>(e =>
            e.Kind == S3ErrorKind.AccessDenied && e.Operation == "GetCallerIdentity" && e.Message.Contains("security token"));
    }

    [Test]
    public async Task GetAccountAsync_NoCredentials_BecomesAGatewayException()
    {
        var sts = Substitute.For<IAmazonSecurityTokenService>();
        sts.GetCallerIdentityAsync(Arg.Any<GetCallerIdentityRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new AmazonClientException("Failed to resolve AWS credentials."));

        var act = () => new StsCallerIdentity(sts).GetAccountAsync();

        await act.Should().ThrowAsync<S3GatewayException>().WithMessage("*resolve AWS credentials*");
    }
}
