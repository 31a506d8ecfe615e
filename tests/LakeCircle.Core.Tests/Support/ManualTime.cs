namespace LakeCircle.Core.Tests.Support;

/// <summary>A clock that moves only when told.</summary>
internal sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public static DateTimeOffset DefaultStart { get; } = new(2026, 3, 14, 9, 15, 0, 250, TimeSpan.Zero);

    public ManualTime()
        : this(DefaultStart)
    {
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
