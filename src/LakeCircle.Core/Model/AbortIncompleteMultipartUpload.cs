namespace LakeCircle.Core.Model;

/// <summary>The <c>AbortIncompleteMultipartUpload</c> action: abort uploads left incomplete.</summary>
public sealed record AbortIncompleteMultipartUpload
{
    /// <summary>Days after initiation at which incomplete uploads are aborted (a positive number), or <see langword="null"/>.</summary>
    public int? DaysAfterInitiation { get; init; }
}
