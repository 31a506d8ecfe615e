namespace LakeCircle.Core.Rendering;

/// <summary>How <see cref="TextPlanRenderer"/> draws a plan.</summary>
public sealed record PlanRenderOptions
{
    /// <summary>The defaults: no colour, in-sync buckets listed one per line up to 20.</summary>
    public static PlanRenderOptions Default { get; } = new();

    /// <summary>Whether to colour the output with ANSI escape codes (only when writing to a terminal).</summary>
    public bool Color { get; init; }

    /// <summary>How many in-sync or unmanaged buckets are listed one per line by default (20).</summary>
    public const int DefaultListLimit = 20;

    /// <summary>Up to this many in-sync buckets are listed one per line; more are shown as one summary line.</summary>
    public int InSyncListLimit { get; init; } = DefaultListLimit;

    /// <summary>
    /// Up to this many buckets without definition (unmanaged) are listed one per line; more are shown as one line with
    /// their count (<c>lakecircle dryrun --show-unmanaged</c> lists them all).
    /// </summary>
    public int UnmanagedListLimit { get; init; } = DefaultListLimit;
}
