using System.Globalization;
using System.Text;

namespace LakeCircle.Core.Diagnostics;

/// <summary>
/// The S3 calls a run made, by operation (as the S3 API names them). The lifecycle operations are the account's; the
/// object operations reach an S3 endpoint (its definitions, lock, archive and run records) and are not counted for a
/// local endpoint folder. A call retried after a transient failure counts once.
/// </summary>
public readonly record struct S3CallCounts
{
    /// <summary><c>ListBuckets</c> calls.</summary>
    public long ListBuckets { get; init; }

    /// <summary><c>GetBucketLifecycleConfiguration</c> calls.</summary>
    public long GetBucketLifecycleConfiguration { get; init; }

    /// <summary><c>PutBucketLifecycleConfiguration</c> calls.</summary>
    public long PutBucketLifecycleConfiguration { get; init; }

    /// <summary><c>DeleteBucketLifecycle</c> calls.</summary>
    public long DeleteBucketLifecycle { get; init; }

    /// <summary>
    /// <c>GetBucketLocation</c> calls: a defined bucket's region asked when the listing did not tell it and the run is
    /// limited to some regions, or a bucket of a saved plan routed to its region.
    /// </summary>
    public long GetBucketLocation { get; init; }

    /// <summary><c>ListObjectsV2</c> calls (the endpoint).</summary>
    public long ListObjectsV2 { get; init; }

    /// <summary><c>GetObject</c> calls (the endpoint).</summary>
    public long GetObject { get; init; }

    /// <summary><c>PutObject</c> calls (the endpoint).</summary>
    public long PutObject { get; init; }

    /// <summary><c>DeleteObject</c> calls (the endpoint).</summary>
    public long DeleteObject { get; init; }

    /// <summary>All calls.</summary>
    public long Total => ListBuckets + GetBucketLifecycleConfiguration + PutBucketLifecycleConfiguration + DeleteBucketLifecycle + GetBucketLocation
        + ListObjectsV2 + GetObject + PutObject + DeleteObject;

    /// <summary>The operations called at least once with their counts, lifecycle operations first, in a fixed order.</summary>
    /// <returns>Pairs of operation name and count.</returns>
    public IReadOnlyList<KeyValuePair<string, long>> ByKind()
    {
        var all = new KeyValuePair<string, long>[]
        {
            new(nameof(ListBuckets), ListBuckets),
            new(nameof(GetBucketLifecycleConfiguration), GetBucketLifecycleConfiguration),
            new(nameof(PutBucketLifecycleConfiguration), PutBucketLifecycleConfiguration),
            new(nameof(DeleteBucketLifecycle), DeleteBucketLifecycle),
            new(nameof(GetBucketLocation), GetBucketLocation),
            new(nameof(ListObjectsV2), ListObjectsV2),
            new(nameof(GetObject), GetObject),
            new(nameof(PutObject), PutObject),
            new(nameof(DeleteObject), DeleteObject),
        };
        return Array.FindAll(all, p => p.Value > 0);
    }

    /// <summary>The counts as a log line shows them: <c>ListBuckets 1, GetBucketLifecycleConfiguration 3000</c>, or <c>none</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var kinds = ByKind();
        if (kinds.Count == 0)
        {
            return "none";
        }

        var text = new StringBuilder();
        foreach (var (name, count) in kinds)
        {
            text.Append(text.Length == 0 ? "" : ", ").Append(name).Append(' ').Append(count.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
