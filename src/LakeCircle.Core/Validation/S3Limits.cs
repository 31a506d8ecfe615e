namespace LakeCircle.Core.Validation;

/// <summary>The numeric limits S3 enforces on a lifecycle configuration (S3 user guide, lifecycle chapter).</summary>
internal static class S3Limits
{
    /// <summary>Rules in one configuration ("up to 1,000 rules per bucket", not adjustable).</summary>
    public const int MaxRules = 1000;

    /// <summary>Characters in a rule ID.</summary>
    public const int MaxIdLength = 255;

    /// <summary>UTF-8 bytes in a prefix (the longest object key); no AWS evidence for lifecycle prefixes, so a warning.</summary>
    public const int MaxPrefixBytes = 1024;

    /// <summary>Characters (UTF-16 code units, as S3 counts them) in a tag key.</summary>
    public const int MaxTagKeyLength = 128;

    /// <summary>Characters (UTF-16 code units) in a tag value.</summary>
    public const int MaxTagValueLength = 256;

    /// <summary>
    /// The largest object size filter, 1000 × 2^40 bytes, as S3 answers a value outside it: "'ObjectSizeLessThan'
    /// should be between 1 and 1099511627776000" (the user guide's "Maximum filter size" reads 5 TB or 50 TB by page).
    /// </summary>
    public const long MaxObjectSize = 1_099_511_627_776_000;

    /// <summary>The days S3 demands between a transition to GLACIER or GLACIER_IR and a later one to DEEP_ARCHIVE.</summary>
    public const int DeepArchiveAfterGlacierDays = 90;

    /// <summary>The days objects must spend before a transition to, and in, STANDARD_IA or ONEZONE_IA.</summary>
    public const int InfrequentAccessMinimumDays = 30;

    /// <summary>The smallest value of <c>NewerNoncurrentVersions</c>.</summary>
    public const int MinNewerNoncurrentVersions = 1;

    /// <summary>The largest value of <c>NewerNoncurrentVersions</c> ("up to 100"; S3 has taken more, so a warning).</summary>
    public const int MaxNewerNoncurrentVersions = 100;

    /// <summary>Whether <paramref name="storageClass"/> is STANDARD_IA or ONEZONE_IA, the classes with a 30-day minimum.</summary>
    /// <param name="storageClass">The storage class.</param>
    /// <returns><see langword="true"/> for the infrequent-access classes.</returns>
    public static bool IsInfrequentAccess(string storageClass) =>
        storageClass is Model.StorageClasses.StandardIA or Model.StorageClasses.OneZoneIA;
}
