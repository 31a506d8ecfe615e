namespace LakeCircle.Core.Planning;

/// <summary>What applying a <see cref="BucketPlan"/> does to the bucket.</summary>
public enum BucketAction
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary>One PUT of the whole <see cref="BucketPlan.ConfigurationToPut"/>.</summary>
    Put,

    /// <summary>A DELETE of the bucket's lifecycle configuration (the definition leaves no rule).</summary>
    Delete,
}
