using Microsoft.Extensions.Logging;

namespace LakeCircle.Core.Export;

/// <summary>The log events of export and snapshot.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 900, Level = LogLevel.Information, Message = "{AccountBucketCount} buckets in the account, {SelectedCount} to read")]
    public static partial void AccountListed(this ILogger logger, int accountBucketCount, int selectedCount);

    [LoggerMessage(EventId = 901, Level = LogLevel.Information, Message = "Wrote {FileCount} definitions to {Folder}; {EmptyCount} without lifecycle not written")]
    public static partial void Exported(this ILogger logger, int fileCount, string folder, int emptyCount);

    [LoggerMessage(EventId = 902, Level = LogLevel.Information, Message = "Wrote the snapshot of {BucketCount} buckets to {Path}")]
    public static partial void SnapshotWritten(this ILogger logger, int bucketCount, string path);

    [LoggerMessage(EventId = 903, Level = LogLevel.Error, Message = "Could not list the account's buckets: {Reason}")]
    public static partial void ListFailed(this ILogger logger, string reason);
}
