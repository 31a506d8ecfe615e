namespace LakeCircle.Core.Gateways;

/// <summary>What kind of failure an <see cref="S3GatewayException"/> reports, so callers can act on it.</summary>
public enum S3ErrorKind
{
    /// <summary>Any failure not listed below.</summary>
    Other,

    /// <summary>The bucket does not exist.</summary>
    NoSuchBucket,

    /// <summary>The object does not exist.</summary>
    NoSuchKey,

    /// <summary>The credentials may not perform the call, or the bucket belongs to another account.</summary>
    AccessDenied,

    /// <summary>A conditional write found the object already there.</summary>
    PreconditionFailed,

    /// <summary>The store refused the request as invalid (for example a malformed lifecycle configuration).</summary>
    InvalidRequest,

    /// <summary>The store asked to slow down, or failed in a way worth retrying.</summary>
    Transient,
}
