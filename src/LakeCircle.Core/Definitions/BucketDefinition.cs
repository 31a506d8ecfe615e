using LakeCircle.Core.Model;

namespace LakeCircle.Core.Definitions;

/// <summary>The desired lifecycle of one bucket: the rules of every file that names it, merged in file path order.</summary>
/// <param name="Bucket">The bucket name.</param>
/// <param name="Configuration">The merged configuration; every rule has an ID (derived when the file gave none).
/// An empty rule list means the bucket is managed and must have no lifecycle.</param>
/// <param name="Files">The paths of the files that define the bucket, in order.</param>
/// <param name="Protected">Whether any of the files marks the bucket protected: a sync refuses a destructive change to it
/// unless the run allows the bucket by name.</param>
internal sealed record BucketDefinition(string Bucket, LifecycleConfiguration Configuration, ValueList<string> Files, bool Protected = false);
