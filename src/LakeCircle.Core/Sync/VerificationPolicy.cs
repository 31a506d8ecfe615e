using System.Globalization;

namespace LakeCircle.Core.Sync;

/// <summary>
/// How <see cref="Verification"/> reads a written configuration back: for how long, how often, and how many
/// sightings in a row of what was written make it visible (one by default; <see cref="ConsistentSightings"/> with
/// <see cref="LakeCircleClientOptions.WaitForConsistency"/>, "seen consistently").
/// </summary>
internal sealed record VerificationPolicy
{
    /// <summary>The sightings in a row that make a write seen consistently when waiting for consistency.</summary>
    public const int ConsistentSightings = 3;

    /// <summary>The spacing of reads without waiting for consistency.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The spacing of reads when waiting for consistency.</summary>
    public static readonly TimeSpan WaitPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>How long reads go on while the written configuration is not (yet) seen as asked.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>The time between two reads.</summary>
    public required TimeSpan PollInterval { get; init; }

    /// <summary>How many reads in a row must show what was written.</summary>
    public int Sightings { get; init; } = 1;

    /// <summary>Whether this policy waits for several sightings in a row.</summary>
    public bool WaitsForConsistency => Sightings > 1;

    /// <summary>The first sighting within <paramref name="timeout"/> is enough (the default after every write).</summary>
    public static VerificationPolicy Bounded(TimeSpan timeout, TimeSpan? pollInterval = null) =>
        new() { Timeout = timeout, PollInterval = pollInterval ?? DefaultPollInterval };

    /// <summary><see cref="ConsistentSightings"/> sightings in a row within <paramref name="timeout"/> (<c>--wait</c>).</summary>
    public static VerificationPolicy Consistent(TimeSpan timeout, TimeSpan? pollInterval = null) =>
        new() { Timeout = timeout, PollInterval = pollInterval ?? WaitPollInterval, Sightings = ConsistentSightings };

    /// <summary>A duration for messages: <c>60 s</c>, <c>1.5 s</c>, <c>50 ms</c>.</summary>
    public static string Describe(TimeSpan duration) =>
        duration >= TimeSpan.FromSeconds(1) || duration == TimeSpan.Zero
            ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.###} s")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0} ms");
}
