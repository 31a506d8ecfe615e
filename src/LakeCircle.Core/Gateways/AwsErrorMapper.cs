using System.Net;
using Amazon.Runtime;

namespace LakeCircle.Core.Gateways;

/// <summary>Turns SDK failures into <see cref="S3GatewayException"/>s carrying the operation, bucket, key, status and S3 error code.</summary>
internal static class AwsErrorMapper
{
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "SlowDown", "Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequests", "RequestTimeout",
        "RequestTimeTooSkewed", "InternalError", "ServiceUnavailable", "OperationAborted", "ConditionalRequestConflict",
    };

    private static readonly HashSet<string> AccessDeniedCodes = new(StringComparer.Ordinal)
    {
        "AccessDenied", "AllAccessDisabled", "InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken",
        "InvalidToken", "AccountProblem",
    };

    public static S3GatewayException Map(Exception exception, string operation, string? bucket, string? key = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is S3RedirectException redirect)
        {
            // Retrying would only be sent the same way again.
            return new S3GatewayException(S3ErrorKind.Other, operation, bucket, redirect.Message, redirect.StatusCode, key: key, innerException: exception);
        }

        if (exception is not AmazonServiceException service)
        {
            // No answer from the service: network failures, timeouts, DNS. Worth a retry.
            return new S3GatewayException(S3ErrorKind.Transient, operation, bucket, exception.Message, key: key, innerException: exception);
        }

        var status = (int)service.StatusCode;
        var code = string.IsNullOrEmpty(service.ErrorCode) ? null : service.ErrorCode;
        var kind = Classify(service, status, code, key);
        var message = string.IsNullOrEmpty(service.Message) ? code ?? "no message" : service.Message;
        if (status is >= 300 and < 400)
        {
            message = message.TrimEnd().TrimEnd('.') + "; " + S3RedirectException.Describe(status, Location(service));
        }

        return new S3GatewayException(kind, operation, bucket, message, status, code, key, exception);
    }

    /// <summary>Where a redirect answer pointed (its <c>Location</c> header), when the SDK kept the answer.</summary>
    private static string? Location(AmazonServiceException service) =>
        service.InnerException is Amazon.Runtime.Internal.HttpErrorResponseException { Response: { } response } && response.IsHeaderPresent("Location")
            ? response.GetHeaderValue("Location")
            : null;

    /// <summary>Runs one SDK call, turning its failures into <see cref="S3GatewayException"/>s (the caller's cancellation passes through).</summary>
    public static async Task<T> CallAsync<T>(string operation, string? bucket, string? key, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (IsSdkFailure(e, cancellationToken))
        {
            throw Map(e, operation, bucket, key);
        }
    }

    /// <summary>
    /// Whether a failure comes from the SDK or the network, rather than from the caller cancelling. A truncated or garbled
    /// answer can reach us as a bare <see cref="System.Xml.XmlException"/> from the SDK's unmarshaller.
    /// </summary>
    public static bool IsSdkFailure(Exception e, CancellationToken cancellationToken) =>
        e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException or System.Xml.XmlException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static S3ErrorKind Classify(AmazonServiceException service, int status, string? code, string? key) => code switch
    {
        "NoSuchBucket" => S3ErrorKind.NoSuchBucket,
        "NoSuchKey" => S3ErrorKind.NoSuchKey,
        "PreconditionFailed" => S3ErrorKind.PreconditionFailed,
        "InvalidRequest" or "InvalidArgument" or "MalformedXML" or "InvalidBucketName" => S3ErrorKind.InvalidRequest,
        { } c when AccessDeniedCodes.Contains(c) => S3ErrorKind.AccessDenied,
        { } c when TransientCodes.Contains(c) => S3ErrorKind.Transient,
        _ when service.Retryable?.Throttling == true => S3ErrorKind.Transient,
        _ => status switch
        {
            (int)HttpStatusCode.NotFound => key is null ? S3ErrorKind.NoSuchBucket : S3ErrorKind.NoSuchKey,
            (int)HttpStatusCode.Forbidden => S3ErrorKind.AccessDenied,
            (int)HttpStatusCode.PreconditionFailed => S3ErrorKind.PreconditionFailed,
            (int)HttpStatusCode.TooManyRequests or >= 500 => S3ErrorKind.Transient,
            (int)HttpStatusCode.BadRequest => S3ErrorKind.InvalidRequest,
            _ => S3ErrorKind.Other,
        },
    };
}
