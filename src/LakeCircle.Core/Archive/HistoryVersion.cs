using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Archive;

/// <summary>One archived version of a bucket's configuration under <c>history/&lt;bucket&gt;/</c>.</summary>
/// <param name="Bucket">The bucket name.</param>
/// <param name="CapturedAt">When it was captured (UTC, millisecond precision), from the file name.</param>
/// <param name="Key">The file's key relative to the endpoint base, such as <c>history/logs/20260314T091500.250Z.json</c>.</param>
internal sealed record HistoryVersion(string Bucket, DateTimeOffset CapturedAt, string Key);
