namespace LakeCircle.Core.Tests.Support;

/// <summary>A point in a run where <see cref="FaultInjectingS3Gateway"/> may kill it: before or after the n-th call of an operation.</summary>
/// <param name="Operation">The operation.</param>
/// <param name="Bucket">The bucket of the call, or null.</param>
/// <param name="Number">The call's number among calls of that operation (from 1).</param>
/// <param name="After">Whether the call has completed.</param>
internal sealed record KillPoint(string Operation, string? Bucket, int Number, bool After)
{
    public override string ToString() => $"{(After ? "after" : "before")} {Operation} #{Number} ({Bucket})";
}
