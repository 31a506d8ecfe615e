using System.Globalization;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Archive;

/// <summary>
/// The UTC time stamps in endpoint file names, <c>yyyyMMddTHHmmss.fffZ</c> (such as <c>20260314T091500.250Z</c>):
/// millisecond precision, and ordinal order is time order.
/// </summary>
internal static class ArchiveTime
{
    public const string Format = "yyyyMMdd'T'HHmmss.fff'Z'";

    /// <summary>The time in UTC, cut to whole milliseconds (the precision of the file names).</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static string ToText(DateTimeOffset time) => time.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(
            text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
}
