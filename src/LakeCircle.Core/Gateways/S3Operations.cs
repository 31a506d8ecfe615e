namespace LakeCircle.Core.Gateways;

/// <summary>
/// The names of the S3 operations the gateways perform, as S3 spells them. They appear in
/// <see cref="S3GatewayException.Operation"/> and key the call counts of <see cref="InMemoryS3Gateway"/>.
/// </summary>
internal static class S3Operations
{
    /// <summary>Lists the account's buckets.</summary>
    public const string ListBuckets = "ListBuckets";

    /// <summary>Reads a bucket's lifecycle configuration.</summary>
    public const string GetBucketLifecycleConfiguration = "GetBucketLifecycleConfiguration";

    /// <summary>Replaces a bucket's lifecycle configuration.</summary>
    public const string PutBucketLifecycleConfiguration = "PutBucketLifecycleConfiguration";

    /// <summary>Removes a bucket's lifecycle configuration.</summary>
    public const string DeleteBucketLifecycle = "DeleteBucketLifecycle";

    /// <summary>Reads a bucket's region.</summary>
    public const string GetBucketLocation = "GetBucketLocation";

    /// <summary>Lists object keys.</summary>
    public const string ListObjectsV2 = "ListObjectsV2";

    /// <summary>Reads an object.</summary>
    public const string GetObject = "GetObject";

    /// <summary>Writes an object.</summary>
    public const string PutObject = "PutObject";

    /// <summary>Deletes an object.</summary>
    public const string DeleteObject = "DeleteObject";
}
