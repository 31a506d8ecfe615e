using System.Globalization;
using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace LakeCircle.Cli.Credentials;

/// <summary>
/// The temporary credentials of a role, from STS <c>AssumeRole</c> through a client of our own (so the STS endpoint
/// can be an S3-compatible server's), assumed again before they expire: from <see cref="DefaultPreemptExpiryTime"/>
/// before the expiry STS gave, calls get the current credentials while new ones are fetched in the background; from
/// <see cref="RefreshingAWSCredentials.ExpirationBuffer"/> (the SDK's 1 minute) before it, calls wait for new ones.
/// A failed AssumeRole throws <see cref="RoleAssumptionException"/>.
/// </summary>
internal sealed class RoleCredentials : RefreshingAWSCredentials
{
    /// <summary>How long before expiry the credentials are fetched again in the background: 5 minutes.</summary>
    public static readonly TimeSpan DefaultPreemptExpiryTime = TimeSpan.FromMinutes(5);

    private readonly IAmazonSecurityTokenService _sts;
    private readonly bool _ownsClient;
    private readonly string? _externalId;
    private int _assumed;

    /// <summary>Creates the credentials over a given STS client.</summary>
    /// <param name="sts">The client AssumeRole is called with (its credentials are the caller's).</param>
    /// <param name="roleArn">The role.</param>
    /// <param name="sessionName">The role session name (checked by <see cref="TargetCredentials"/>).</param>
    /// <param name="externalId">The external ID, or <see langword="null"/>.</param>
    /// <param name="duration">The session duration, whole seconds.</param>
    /// <param name="ownsClient">Whether disposing these credentials disposes <paramref name="sts"/>.</param>
    public RoleCredentials(IAmazonSecurityTokenService sts, string roleArn, string sessionName, string? externalId, TimeSpan duration, bool ownsClient)
    {
        ArgumentNullException.ThrowIfNull(sts);
        ArgumentException.ThrowIfNullOrEmpty(roleArn);
        ArgumentException.ThrowIfNullOrEmpty(sessionName);
        _sts = sts;
        _ownsClient = ownsClient;
        _externalId = externalId;
        RoleArn = roleArn;
        SessionName = sessionName;
        Duration = duration;
        PreemptExpiryTime = DefaultPreemptExpiryTime;
    }

    /// <summary>The role.</summary>
    public string RoleArn { get; }

    /// <summary>The role session name.</summary>
    public string SessionName { get; }

    /// <summary>The session duration asked for.</summary>
    public TimeSpan Duration { get; }

    /// <summary>How many times AssumeRole answered with credentials.</summary>
    public int AssumeCount => Volatile.Read(ref _assumed);

    /// <summary>
    /// The STS client for a request: an S3-compatible server's endpoint (<see cref="TargetCredentialRequest.StsUrl"/>,
    /// signed for <see cref="TargetCredentialRequest.Region"/> or <c>us-east-1</c>) or the AWS STS endpoint of the region.
    /// </summary>
    /// <param name="request">The checked request.</param>
    /// <param name="source">The caller's credentials, or <see langword="null"/> for the SDK's default chain.</param>
    public static AmazonSecurityTokenServiceClient CreateClient(TargetCredentialRequest request, AWSCredentials? source)
    {
        ArgumentNullException.ThrowIfNull(request);
        var config = new AmazonSecurityTokenServiceConfig();
        if (request.StsUrl is { } url)
        {
            config.ServiceURL = url.ToString();
            config.AuthenticationRegion = request.Region ?? "us-east-1";
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(request.Region);
        }

        // Without credentials the client resolves the SDK's default chain itself, when it first signs a call.
        return source is null ? new AmazonSecurityTokenServiceClient(config) : new AmazonSecurityTokenServiceClient(source, config);
    }

    /// <summary>
    /// Fetches the credentials now (AssumeRole unless current ones are held), so that a target whose role cannot be
    /// assumed fails before its work starts.
    /// </summary>
    /// <param name="cancellationToken">Stops the wait (an AssumeRole already sent is left to finish).</param>
    /// <exception cref="RoleAssumptionException">AssumeRole failed.</exception>
    public async Task ProbeAsync(CancellationToken cancellationToken = default) =>
        await GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected override CredentialsRefreshState GenerateNewCredentials() =>
        GenerateNewCredentialsAsync().GetAwaiter().GetResult();

    /// <inheritdoc />
    protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
    {
        var request = new AssumeRoleRequest
        {
            RoleArn = RoleArn,
            RoleSessionName = SessionName,
            DurationSeconds = (int)Duration.TotalSeconds,
            ExternalId = _externalId,
        };
        AssumeRoleResponse response;
        try
        {
            response = await _sts.AssumeRoleAsync(request).ConfigureAwait(false);
        }
        catch (AmazonServiceException e)
        {
            var code = string.IsNullOrEmpty(e.ErrorCode) ? ((int)e.StatusCode).ToString(CultureInfo.InvariantCulture) : e.ErrorCode;
            var message = Describe(e);
            throw new RoleAssumptionException(RoleArn, $"could not assume role {RoleArn}: {code}: {message}", e.ErrorCode, e);
        }
        catch (Exception e) when (e is AmazonClientException or HttpRequestException or IOException or OperationCanceledException)
        {
            throw new RoleAssumptionException(RoleArn, $"could not assume role {RoleArn}: {e.Message}", null, e);
        }

        var credentials = response.Credentials;
        if (credentials is null || string.IsNullOrEmpty(credentials.AccessKeyId) || string.IsNullOrEmpty(credentials.SecretAccessKey))
        {
            throw new RoleAssumptionException(RoleArn, $"could not assume role {RoleArn}: the STS answer holds no credentials", null, null);
        }

        Interlocked.Increment(ref _assumed);
        var expiration = credentials.Expiration?.ToUniversalTime() ?? DateTime.UtcNow + Duration;
        return new CredentialsRefreshState(
            new ImmutableCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken),
            expiration);
    }

    /// <summary>
    /// STS's message. An answer without one (radosgw sends an empty <c>Message</c>) gets the SDK's stand-in, which
    /// quotes the whole XML body: replaced by the HTTP status.
    /// </summary>
    private static string Describe(AmazonServiceException e)
    {
        var message = e.Message?.Trim();
        return string.IsNullOrEmpty(message) || message.StartsWith("The service returned an error with Error Code", StringComparison.Ordinal)
            ? $"no message (HTTP {(int)e.StatusCode})"
            : message;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsClient)
        {
            _sts.Dispose();
        }

        base.Dispose(disposing);
    }
}
