namespace LakeCircle.Core.Gateways.Retries;

/// <summary>
/// How <see cref="RetryingS3Gateway"/> retries calls that fail with <see cref="S3ErrorKind.Transient"/> (throttling,
/// 5xx answers, timeouts, dropped connections): exponential backoff with full jitter, a bounded number of attempts and
/// a timeout on every attempt. Mutable; the gateway copies the values when it is created.
/// </summary>
/// <remarks>
/// These retries come on top of the AWS SDK's own (see <see cref="AwsS3GatewayOptions.RetryMode"/>): the SDK retries each
/// HTTP request quickly; this policy retries a whole gateway call, more slowly, when the SDK has given up.
/// </remarks>
internal sealed class S3RetryOptions
{
    /// <summary>The default for <see cref="MaxAttempts"/>.</summary>
    public const int DefaultMaxAttempts = 4;

    /// <summary>The default for <see cref="BaseDelay"/>: 200 ms.</summary>
    public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>The default for <see cref="MaxDelay"/>: 10 s.</summary>
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromSeconds(10);

    /// <summary>The default for <see cref="AttemptTimeout"/>: 60 s.</summary>
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How many times a call is tried in all, the first try included (default 4, at least 1; 1 turns retries off).</summary>
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    /// <summary>
    /// The backoff base: before retry <c>n</c> (1, 2, …) the gateway waits a random time between zero and
    /// <c>min(MaxDelay, BaseDelay × 2^(n-1))</c> ("full jitter"). Default 200 ms.
    /// </summary>
    public TimeSpan BaseDelay { get; set; } = DefaultBaseDelay;

    /// <summary>The longest wait between two attempts (default 10 s).</summary>
    public TimeSpan MaxDelay { get; set; } = DefaultMaxDelay;

    /// <summary>
    /// How long one attempt may take before it is abandoned and counted as a transient failure (default 60 s);
    /// <see cref="Timeout.InfiniteTimeSpan"/> for no limit.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = DefaultAttemptTimeout;

    /// <summary>A copy of these options.</summary>
    /// <returns>The copy.</returns>
    public S3RetryOptions Clone() => (S3RetryOptions)MemberwiseClone();

    internal S3RetryOptions Validated()
    {
        var copy = Clone();
        ArgumentOutOfRangeException.ThrowIfLessThan(copy.MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(copy.BaseDelay, TimeSpan.Zero, nameof(BaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(copy.MaxDelay, TimeSpan.Zero, nameof(MaxDelay));
        if (copy.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(copy.AttemptTimeout, TimeSpan.Zero, nameof(AttemptTimeout));
        }

        return copy;
    }
}
