namespace LakeCircle.Core.Model;

/// <summary>The storage classes a lifecycle transition may target, as S3 spells them, warmest first.</summary>
internal static class StorageClasses
{
    /// <summary>S3 Standard-IA.</summary>
    public const string StandardIA = "STANDARD_IA";

    /// <summary>S3 Intelligent-Tiering.</summary>
    public const string IntelligentTiering = "INTELLIGENT_TIERING";

    /// <summary>S3 One Zone-IA.</summary>
    public const string OneZoneIA = "ONEZONE_IA";

    /// <summary>S3 Glacier Instant Retrieval.</summary>
    public const string GlacierIR = "GLACIER_IR";

    /// <summary>S3 Glacier Flexible Retrieval.</summary>
    public const string Glacier = "GLACIER";

    /// <summary>S3 Glacier Deep Archive.</summary>
    public const string DeepArchive = "DEEP_ARCHIVE";

    /// <summary>
    /// The transition targets in the order of S3's transition waterfall: a rule may only move objects from a class
    /// to a class later in this list.
    /// </summary>
    public static IReadOnlyList<string> All { get; } =
        [StandardIA, IntelligentTiering, OneZoneIA, GlacierIR, Glacier, DeepArchive];

    /// <summary>Whether <paramref name="storageClass"/> is a known transition target.</summary>
    /// <param name="storageClass">The storage class name.</param>
    /// <returns><see langword="true"/> when known.</returns>
    public static bool IsKnown(string? storageClass) => storageClass is not null && All.Contains(storageClass, StringComparer.Ordinal);
}
