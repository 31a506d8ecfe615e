using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// <see cref="ICallerIdentity"/> against AWS: STS <c>GetCallerIdentity</c>, which needs no permission and answers with
/// the account of the credentials from the SDK's chain.
/// </summary>
internal sealed class StsCallerIdentity : ICallerIdentity, IDisposable
{
    private const string Operation = "GetCallerIdentity";
    private readonly IAmazonSecurityTokenService _sts;
    private readonly bool _owned;

    /// <summary>Creates the check over a client built for a region (the regional STS endpoint).</summary>
    /// <param name="region">The region, such as <c>eu-west-1</c>.</param>
    public StsCallerIdentity(string region)
        : this(new AmazonSecurityTokenServiceClient(new AmazonSecurityTokenServiceConfig
        {
            RegionEndpoint = RegionEndpoint.GetBySystemName(region),
        }), owned: true)
    {
    }

    /// <summary>Creates the check over a given client (left open on dispose).</summary>
    /// <param name="sts">The STS client.</param>
    public StsCallerIdentity(IAmazonSecurityTokenService sts)
        : this(sts, owned: false)
    {
    }

    private StsCallerIdentity(IAmazonSecurityTokenService sts, bool owned)
    {
        ArgumentNullException.ThrowIfNull(sts);
        _sts = sts;
        _owned = owned;
    }

    /// <inheritdoc />
    public async Task<string?> GetAccountAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await _sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken).ConfigureAwait(false);
            return response.Account;
        }
        catch (AmazonServiceException e)
        {
            var kind = e.StatusCode == System.Net.HttpStatusCode.Forbidden ? S3ErrorKind.AccessDenied : S3ErrorKind.Other;
            throw new S3GatewayException(kind, Operation, null, $"{Operation} failed: {e.Message}", (int)e.StatusCode, e.ErrorCode, innerException: e);
        }
        catch (AmazonClientException e)
        {
            throw new S3GatewayException(S3ErrorKind.Other, Operation, null, $"{Operation} failed: {e.Message}", innerException: e);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_owned)
        {
            _sts.Dispose();
        }
    }
}
