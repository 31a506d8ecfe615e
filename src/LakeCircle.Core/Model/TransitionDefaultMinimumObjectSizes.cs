namespace LakeCircle.Core.Model;

/// <summary>The values of a configuration's <c>TransitionDefaultMinimumObjectSize</c>.</summary>
internal static class TransitionDefaultMinimumObjectSizes
{
    /// <summary>Objects under 128 KB are not transitioned to any storage class (the default for configurations created since September 2024).</summary>
    public const string AllStorageClasses128K = "all_storage_classes_128K";

    /// <summary>The behaviour of configurations created before September 2024: the minimum depends on the target class.</summary>
    public const string VariesByStorageClass = "varies_by_storage_class";
}
