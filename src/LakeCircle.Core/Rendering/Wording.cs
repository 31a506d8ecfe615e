using System.Globalization;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Rendering;

/// <summary>Counts in words for the text renderer: <c>1 bucket</c>, <c>2 buckets</c>.</summary>
internal static class Wording
{
    public static string Count(int count, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural)}");

    public static string Buckets(int count) => Count(count, "bucket", "buckets");

    public static string Rules(int count) => Count(count, "rule", "rules");

    public static string Number(int count) => count.ToString(CultureInfo.InvariantCulture);

    public static string Milliseconds(TimeSpan duration) =>
        string.Create(CultureInfo.InvariantCulture, $"{(long)duration.TotalMilliseconds} ms");
}
