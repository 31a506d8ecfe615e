using LakeCircle.Core.Model;

namespace LakeCircle.Core.Planning;

/// <summary>
/// The actual side of a bucket, as read from the account: missing, without lifecycle, configured, or unreadable.
/// Create it with <see cref="Missing"/>, <see cref="NoLifecycle"/>, <see cref="Configured"/> or <see cref="Failed"/>.
/// </summary>
internal sealed record BucketState
{
    private BucketState(BucketStateKind kind, LifecycleConfiguration? configuration, string? error, string? region = null)
    {
        Kind = kind;
        Configuration = configuration;
        Error = error;
        Region = region;
    }

    /// <summary>The bucket is not in the account.</summary>
    public static BucketState Missing { get; } = new(BucketStateKind.Missing, null, null);

    /// <summary>The bucket exists and has no lifecycle configuration.</summary>
    public static BucketState NoLifecycle { get; } = new(BucketStateKind.NoLifecycle, null, null);

    /// <summary>Which of the four states this is.</summary>
    public BucketStateKind Kind { get; }

    /// <summary>The bucket's configuration when <see cref="Kind"/> is <see cref="BucketStateKind.Configured"/>, otherwise <see langword="null"/>.</summary>
    public LifecycleConfiguration? Configuration { get; }

    /// <summary>Why the state could not be read when <see cref="Kind"/> is <see cref="BucketStateKind.Failed"/>, otherwise <see langword="null"/>.</summary>
    public string? Error { get; }

    /// <summary>The bucket's region when <see cref="Kind"/> is <see cref="BucketStateKind.OtherRegion"/>, otherwise <see langword="null"/>.</summary>
    public string? Region { get; }

    /// <summary>The rules the bucket has now (empty unless configured).</summary>
    public ValueList<LifecycleRule> Rules => Configuration?.Rules ?? ValueList<LifecycleRule>.Empty;

    /// <summary>The bucket exists and has <paramref name="configuration"/>.</summary>
    /// <param name="configuration">The configuration read from the bucket.</param>
    /// <returns>The state.</returns>
    public static BucketState Configured(LifecycleConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new BucketState(BucketStateKind.Configured, configuration, null);
    }

    /// <summary>
    /// The state of an existing bucket whose lifecycle read returned <paramref name="configuration"/>: no configuration
    /// and a configuration without rules both mean <see cref="NoLifecycle"/> (the one place that decides it).
    /// </summary>
    internal static BucketState Of(LifecycleConfiguration? configuration) =>
        configuration is null || configuration.Rules.Count == 0 ? NoLifecycle : Configured(configuration);

    /// <summary>The bucket's lifecycle could not be read.</summary>
    /// <param name="message">What went wrong, for people (no secrets).</param>
    /// <returns>The state.</returns>
    public static BucketState Failed(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new BucketState(BucketStateKind.Failed, null, message);
    }

    /// <summary>The bucket exists in <paramref name="region"/>, outside the run's regions; it was not read.</summary>
    /// <param name="region">The bucket's region.</param>
    /// <returns>The state.</returns>
    public static BucketState InOtherRegion(string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        return new BucketState(BucketStateKind.OtherRegion, null, null, region);
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        BucketStateKind.OtherRegion => $"OtherRegion ({Region})",
        BucketStateKind.Configured => $"Configured ({Configuration!.Rules.Count} rules)",
        BucketStateKind.Failed => $"Failed: {Error}",
        _ => Kind.ToString(),
    };
}
