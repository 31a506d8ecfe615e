namespace LakeCircle.Core.Gateways;

/// <summary>
/// A failed S3 call: which bucket (and key), which operation, the HTTP status and S3 error code when known.
/// The message never carries credentials.
/// </summary>
public sealed class S3GatewayException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">What kind of failure.</param>
    /// <param name="operation">The operation, such as <c>GetBucketLifecycleConfiguration</c>.</param>
    /// <param name="bucket">The bucket, or <see langword="null"/>.</param>
    /// <param name="message">What happened.</param>
    /// <param name="statusCode">The HTTP status, or 0.</param>
    /// <param name="errorCode">The S3 error code, or <see langword="null"/>.</param>
    /// <param name="key">The object key, or <see langword="null"/>.</param>
    /// <param name="innerException">The underlying failure.</param>
    public S3GatewayException(S3ErrorKind kind, string operation, string? bucket, string message, int statusCode = 0, string? errorCode = null, string? key = null, Exception? innerException = null)
        : base(Format(operation, bucket, key, message, statusCode, errorCode), innerException)
    {
        Kind = kind;
        Operation = operation;
        Bucket = bucket;
        Key = key;
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    /// <summary>What kind of failure.</summary>
    public S3ErrorKind Kind { get; }

    /// <summary>The operation that failed.</summary>
    public string Operation { get; }

    /// <summary>The bucket, or <see langword="null"/>.</summary>
    public string? Bucket { get; }

    /// <summary>The object key, or <see langword="null"/>.</summary>
    public string? Key { get; }

    /// <summary>The HTTP status, or 0 when there was no response.</summary>
    public int StatusCode { get; }

    /// <summary>The S3 error code (such as <c>NoSuchBucket</c>), or <see langword="null"/>.</summary>
    public string? ErrorCode { get; }

    private static string Format(string operation, string? bucket, string? key, string message, int statusCode, string? errorCode)
    {
        var target = bucket is null ? "" : key is null ? $" on bucket '{bucket}'" : $" on s3://{bucket}/{key}";
        var status = statusCode > 0 ? $" (HTTP {statusCode}{(errorCode is null ? "" : ", " + errorCode)})" : errorCode is null ? "" : $" ({errorCode})";
        return $"{operation}{target} failed{status}: {message}";
    }
}
