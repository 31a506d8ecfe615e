namespace LakeCircle.Core.Workflows;

/// <summary>
/// A write was made, but reads still did not show it (as asked) when verification timed out: S3 is eventually
/// consistent after a write. Not a failure — the bucket is <see cref="BucketResult.AppliedNotVisible"/>, nothing is
/// restored, and the steps after the write still run (<see cref="CompositeWriteObserver"/>).
/// </summary>
internal sealed class WriteNotVisibleException : Exception
{
    public WriteNotVisibleException(string bucket, string message)
        : base(message)
    {
        Bucket = bucket;
    }

    public string Bucket { get; }
}
