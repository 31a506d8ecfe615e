namespace LakeCircle.Core.Gateways;

/// <summary>Where an <see cref="EndpointLocation"/> points.</summary>
internal enum EndpointKind
{
    /// <summary>A bucket and key prefix in S3 (or an S3-compatible server).</summary>
    S3,

    /// <summary>A folder or file on the local file system.</summary>
    Local,
}
