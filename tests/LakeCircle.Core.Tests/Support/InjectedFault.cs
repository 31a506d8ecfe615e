namespace LakeCircle.Core.Tests.Support;

/// <summary>The failures <see cref="FaultInjectingS3Gateway"/> injects, as an S3 client would see them.</summary>
internal enum InjectedFault
{
    /// <summary>HTTP 503 SlowDown: throttled, the call was not made.</summary>
    SlowDown,

    /// <summary>HTTP 500 InternalError: the call was not made.</summary>
    InternalError,

    /// <summary>No answer in time; for a write, the store may have applied it.</summary>
    Timeout,

    /// <summary>The connection dropped; for a write, the store may have applied it.</summary>
    ConnectionReset,
}
