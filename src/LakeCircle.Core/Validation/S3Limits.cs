namespace LakeCircle.Core.Validation;

/// <summary>The numeric limits S3 enforces on a lifecycle configuration (S3 user guide, lifecycle chapter).</summary>
internal static class S3Limits
{
    /// <summary>Rules in one configuration ("up to 1,000 rules per bucket", not adjustable).</summary>
    public const int MaxRules = 1000;

    /// <summary>Characters in a rule ID.</summary>
    public const int MaxIdLength = 255;

    /// <summary>UTF-8 bytes in a prefix (the longest object key).</summary>
    public const int MaxPrefixBytes = 1024;

    /// <summary>Characters (UTF-16 code units, as S3 counts them) in a tag key.</summary>
    public const int MaxTagKeyLength = 128;

    /// <summary>Characters (UTF-16 code units) in a tag value.</summary>
    public const int MaxTagValueLength = 256;

    /// <summary>The largest object size filter: "Maximum filter size is 50 TB", read as 50 TiB.</summary>
    public const long MaxObjectSize = 50L * 1024 * 1024 * 1024 * 1024;

    /// <summary>The days objects must spend before a transition to, and in, STANDARD_IA or ONEZONE_IA.</summary>
    public const int InfrequentAccessMinimumDays = 30;

    /// <summary>The smallest value of <c>NewerNoncurrentVersions</c>.</summary>
    public const int MinNewerNoncurrentVersions = 1;

    /// <summary>The largest value of <c>NewerNoncurrentVersions</c>.</summary>
    public const int MaxNewerNoncurrentVersions = 100;

    /// <summary>Whether <paramref name="storageClass"/> is STANDARD_IA or ONEZONE_IA, the classes with a 30-day minimum.</summary>
    /// <param name="storageClass">The storage class.</param>
    /// <returns><see langword="true"/> for the infrequent-access classes.</returns>
    public static bool IsInfrequentAccess(string storageClass) =>
        storageClass is Model.StorageClasses.StandardIA or Model.StorageClasses.OneZoneIA;
}
